// Parsing Stripe's full spec: how much the YAML tree (`tree`) and the spec model (`model`) cost over a bare libyaml
// event pass (`floor`), and the resident memory of one model load the way the CLI reads a spec (`model_memory`).

import Benchmark
import BenchmarkInputs
import Foundation
import SpecYAML
import StripeSpec

let benchmarks: @Sendable () -> Void = {
    // Medians of 15 rounds after 3 warm-up rounds, as the timing loop this replaces.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        // Microseconds, plain counts and kilobytes, so that benchmark-medians.py reads precise medians off the table.
        timeUnits: .microseconds,
        units: [.mallocCountTotal: .count, .peakMemoryResident: .kilo, .peakMemoryResidentDelta: .kilo],
        warmupIterations: 3,
        maxDuration: .seconds(120),
        maxIterations: 15
    )
    guard let path = BenchmarkSpecs.full, let bytes = BenchmarkSpecs.bytes(of: path) else { return }

    Benchmark("floor") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try libYAMLFloorPass(bytes))
        }
    }
    Benchmark("tree") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try YAMLLoader.load(bytes: bytes, path: path).pairs?.count)
        }
    }
    Benchmark("model") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SpecLoader.load(bytes: bytes, path: path).document.schemaNames.count)
        }
    }
    // One load from the file (`SpecLoader.load(contentsOf:)`, the CLI's path) with nothing else held: the peak holds
    // the file's bytes, the YAML tree and the model. The delta is over the resident size before the round.
    Benchmark(
        "model_memory",
        configuration: .init(
            metrics: [.peakMemoryResident, .peakMemoryResidentDelta], warmupIterations: 0, maxIterations: 1
        )
    ) { benchmark in
        blackHole(try SpecLoader.load(contentsOf: path).document.schemaNames.count)
    }
}

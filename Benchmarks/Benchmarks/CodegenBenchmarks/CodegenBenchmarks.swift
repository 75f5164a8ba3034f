// Generation: how long `stripe-codegen generate` takes end to end, against a bare libyaml event pass over the same
// bytes (`floor`), for the trimmed Checkout spec and for Stripe's full spec.
//
// `end_to_end` = `Codegen.generate`, what the CLI runs: read the file + load the spec + generate and write every file
// into a fresh folder (CodegenOutput's `OutputSession`: each file written once printed, into a staging folder
// renamed into place). `load`, `generate` and `write` are the same stages timed apart. Rounds that write start on a
// settled disk (`sync` and a fresh folder, outside the measurement); earlier rounds' folders stay until the end,
// since ext4 skips recently freed inodes one by one when it allocates (see codegen-bench.sh).

import Benchmark
import BenchmarkInputs
import CodegenOutput
import Foundation
import StripeCodegen
import StripeSpec

/// Fresh, empty output folders under one root. codegen-bench.sh names the root (`CODEGEN_BENCH_RUN_FOLDER`) and
/// removes it after every benchmark has run: deleting a round's thousands of files between benchmarks would make
/// the next benchmark's writes pay for ext4's recently freed inodes. Without it, the root is a folder of this
/// process under `CODEGEN_BENCH_OUTPUT` (default the temporary folder), removed when the benchmark ends.
final class OutputFolders: Sendable {
    let root: String
    let removedAtEnd: Bool

    init(label: String) {
        let environment = ProcessInfo.processInfo.environment
        if let runFolder = environment["CODEGEN_BENCH_RUN_FOLDER"] {
            root = runFolder + "/\(label)"
            removedAtEnd = false
        } else {
            let parent = environment["CODEGEN_BENCH_OUTPUT"].map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? NSTemporaryDirectory()
            root = parent + "codegen-bench-\(ProcessInfo.processInfo.processIdentifier)-\(label)"
            removedAtEnd = true
        }
    }

    /// A new folder name under the root on a settled disk (`sync` first), so a round does not wait on the journal
    /// flushing the previous round's output.
    func settledFreshFolder() -> String {
        sync()
        return root + "/" + UUID().uuidString
    }

    /// Removes the folders, unless the script that named the root removes it after the whole run.
    func removeAtEnd() {
        if removedAtEnd { try? FileManager.default.removeItem(atPath: root) }
    }
}

/// The stages of one spec, each its own benchmark named `LABEL_STAGE`. package-benchmark runs each benchmark in a
/// process of its own, so the inputs a stage needs (the loaded spec, the printed files) are made in its setup.
func registerGeneration(label: String, path: String) {
    guard let bytes = BenchmarkSpecs.bytes(of: path) else { return }
    let folders = OutputFolders(label: label)
    let prepare = { @Sendable () throws -> Codegen.Prepared in try Codegen.prepare(spec: path) }

    Benchmark("\(label)_floor") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try libYAMLFloorPass(bytes))
        }
    }
    Benchmark("\(label)_end_to_end", closure: { benchmark in
        let folder = folders.settledFreshFolder()
        benchmark.startMeasurement()
        let report = Codegen.generate(spec: path, output: folder, mode: .write)
        benchmark.stopMeasurement()
        guard case .written = report.outcome else { return benchmark.error("\(path) -> \(folder): \(report.outcome)") }
    }, teardown: { folders.removeAtEnd() })
    Benchmark("\(label)_load") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try prepare().document.schemaNames.count)
        }
    }
    Benchmark("\(label)_generate", closure: { (benchmark, prepared: Codegen.Prepared) in
        for _ in benchmark.scaledIterations {
            blackHole(SwiftGenerator.generate(prepared.document, options: prepared.options).count)
        }
    }, setup: prepare)
    Benchmark("\(label)_write", closure: { (benchmark, files: [GeneratedFile]) in
        let folder = folders.settledFreshFolder()
        benchmark.startMeasurement()
        do {
            blackHole(try OutputPlan(files: files, folder: folder).apply().written)
        } catch {
            benchmark.error("\(folder): cannot write: \(error)")
        }
        benchmark.stopMeasurement()
    }, setup: {
        let prepared = try prepare()
        return SwiftGenerator.generate(prepared.document, options: prepared.options)
    }, teardown: { folders.removeAtEnd() })
}

let benchmarks: @Sendable () -> Void = {
    // Medians of 11 rounds after 3 warm-up rounds, as the timing loop this replaces.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        // Microseconds, plain counts and kilobytes, so that benchmark-medians.py reads precise medians off the table.
        timeUnits: .microseconds,
        units: [.mallocCountTotal: .count, .peakMemoryResident: .kilo, .peakMemoryResidentDelta: .kilo],
        warmupIterations: 3,
        maxDuration: .seconds(120),
        maxIterations: 11
    )
    registerGeneration(label: "checkout", path: BenchmarkSpecs.checkout)
    if let full = BenchmarkSpecs.full {
        registerGeneration(label: "full", path: full)
    }
}

// Generation benchmark: how long `stripe-codegen generate` takes end to end, against a bare libyaml event pass
// over the same bytes (`floor`), for the trimmed Checkout spec and for Stripe's full spec.
//
//   CodegenBenchmarks --checkout SPEC --full SPEC [--rounds N] [--warmup N]   medians and ratios against `floor`
//   CodegenBenchmarks --once floor|load|generate|end-to-end SPEC              one pass, silent, for a profiler
//
// `end_to_end` = `Codegen.generate`, what the CLI runs: read the file + load the spec + generate and write every file
// into a fresh folder (CodegenOutput's `OutputSession`: each file is written once printed, into a staging folder
// renamed into place).
// `load`, `generate` and `write` are the same stages timed apart; rounds that write start on a settled disk (`sync`
// in the untimed setup). Output is one figure per line, `name: value unit`.

import CYAML
import CodegenOutput
import Foundation
import SpecYAML
import StripeCodegen
import StripeSpec

struct Options {
    var specs: [(label: String, path: String)] = []
    var rounds = 11
    var warmup = 3
    /// `--once STAGE SPEC`: run one stage once and print nothing, for profilers (valgrind --tool=callgrind).
    var once: (stage: String, path: String)?

    static let stages = ["floor", "load", "generate", "end-to-end"]

    static func parse(_ arguments: [String]) -> Options? {
        var options = Options()
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--checkout", "--full":
                guard let path = iterator.next() else { return nil }
                options.specs.append((String(argument.dropFirst(2)), path))
            case "--once":
                guard let stage = iterator.next(), stages.contains(stage), let path = iterator.next() else { return nil }
                options.once = (stage, path)
            case "--rounds":
                guard let value = iterator.next().flatMap(Int.init), value > 0 else { return nil }
                options.rounds = value
            case "--warmup":
                guard let value = iterator.next().flatMap(Int.init), value >= 0 else { return nil }
                options.warmup = value
            default:
                return nil
            }
        }
        return options.specs.isEmpty && options.once == nil ? nil : options
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

/// A bare libyaml pass: every event parsed and deleted, nothing built. The baseline the other figures are ratios of.
func floorPass(_ bytes: [UInt8]) -> Int {
    var events = 0
    bytes.withUnsafeBufferPointer { input in
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { fail("floor: cannot initialize libyaml") }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, input.baseAddress, input.count)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { fail("floor: libyaml reported a syntax error") }
            let type = event.type
            yaml_event_delete(&event)
            events += 1
            if type == YAML_STREAM_END_EVENT { break }
        }
    }
    return events
}

/// Reads and loads a spec: the first stage of `generate` (``Codegen/prepare``), without a configuration.
func load(_ path: String) -> Codegen.Prepared {
    do {
        return try Codegen.prepare(spec: path)
    } catch {
        fail("\(path): cannot load: \(error)")
    }
}

/// The files `generate` prints for a prepared spec.
func generate(_ prepared: Codegen.Prepared) -> [GeneratedFile] {
    SwiftGenerator.generate(prepared.document, options: prepared.options)
}

/// Writes the way `generate` does (CodegenOutput's `OutputPlan`); returns how many files were written.
func write(_ files: [GeneratedFile], into folder: String) -> Int {
    do {
        return try OutputPlan(files: files, folder: folder).apply().written
    } catch {
        fail("\(folder): cannot write: \(error)")
    }
}

/// `generate` end to end (``Codegen/generate``): load, print, and write each file as soon as it is printed;
/// returns how many files were written.
func generateAndWrite(_ path: String, into folder: String) -> Int {
    let report = Codegen.generate(spec: path, output: folder, mode: .write)
    guard case .written(let summary) = report.outcome else { fail("\(path) -> \(folder): \(report.outcome)") }
    return summary.written
}

/// Fresh, empty output folders under one temporary root, removed at exit.
final class Scratch {
    let root: String
    private var counter = 0

    init() {
        let environment = ProcessInfo.processInfo.environment
        let parent = environment["CODEGEN_BENCH_OUTPUT"].map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? NSTemporaryDirectory()
        root = parent + "codegen-bench-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: root)
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            fail("cannot create \(root): \(error)")
        }
    }

    func freshFolder() -> String {
        counter += 1
        return root + "/out\(counter)"
    }

    /// A fresh folder on a settled disk: `sync` first (untimed), so a round does not wait on the journal flushing
    /// the previous round's 9 MB. Earlier rounds' folders stay until the end: ext4 skips inodes freed in the last
    /// minutes when it allocates, one check each, so writing right after deleting the previous round's 1,400 files
    /// cost ~0.5 ms of kernel time per file (~1 s for the full spec) where a single `generate` run pays ~30 us.
    func settledFreshFolder() -> String {
        sync()
        return freshFolder()
    }

    func removeAll() { try? FileManager.default.removeItem(atPath: root) }
}

func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Runs `setup` (untimed) and `body` `warmup` times, then `rounds` times timing `body` only, with `teardown`
/// (untimed) after each; returns the median of `body` in milliseconds.
func measure<State>(rounds: Int, warmup: Int, setup: () -> State, _ body: (State) -> Void,
                    teardown: (State) -> Void = { _ in }) -> Double {
    let clock = ContinuousClock()
    for _ in 0..<warmup {
        let state = setup()
        body(state)
        teardown(state)
    }
    var samples: [Double] = []
    samples.reserveCapacity(rounds)
    for _ in 0..<rounds {
        let state = setup()
        samples.append(milliseconds(clock.measure { body(state) }))
        teardown(state)
    }
    return median(samples)
}

func format(_ value: Double, digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

guard let options = Options.parse(CommandLine.arguments) else {
    fail("usage: CodegenBenchmarks --checkout SPEC --full SPEC [--rounds N] [--warmup N] | --once floor|load|generate|end-to-end SPEC")
}
let scratch = Scratch()
defer { scratch.removeAll() }

if let (stage, path) = options.once {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    switch stage {
    case "floor": _ = floorPass([UInt8](data))
    case "load": _ = load(path)
    case "generate":
        _ = generate(load(path))
    default:
        _ = generateAndWrite(path, into: scratch.freshFolder())
    }
    scratch.removeAll()
    exit(0)
}

print("rounds: \(options.rounds) measured, \(options.warmup) warm-up")
var sink = 0
for (label, path) in options.specs {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    let bytes = [UInt8](data)
    // Once, outside the timings: every stage succeeds, and how big the output is.
    let loaded = load(path)
    let files = generate(loaded)
    let check = scratch.freshFolder()
    let written = write(files, into: check)
    let outputBytes = files.reduce(0) { $0 + $1.contents.utf8.count }
    print("\(label)_spec: \(loaded.document.paths.count) paths, \(loaded.document.schemaNames.count) schemas, "
          + "\(format(Double(bytes.count) / 1_048_576)) MB -> \(written) files, \(format(Double(outputBytes) / 1_048_576)) MB")

    let floor = measure(rounds: options.rounds, warmup: options.warmup, setup: {}) { sink &+= floorPass(bytes) }
    let endToEnd = measure(rounds: options.rounds, warmup: options.warmup, setup: scratch.settledFreshFolder, { folder in
        sink &+= generateAndWrite(path, into: folder)
    })
    let loadTime = measure(rounds: options.rounds, warmup: options.warmup, setup: {}) {
        sink &+= load(path).document.schemaNames.count
    }
    let generateTime = measure(rounds: options.rounds, warmup: options.warmup, setup: {}) {
        sink &+= generate(loaded).count
    }
    let writeTime = measure(rounds: options.rounds, warmup: options.warmup, setup: scratch.settledFreshFolder, { folder in
        sink &+= write(files, into: folder)
    })

    print("\(label)_floor: \(format(floor)) ms")
    print("\(label)_end_to_end: \(format(endToEnd)) ms")
    print("\(label)_end_to_end/floor: \(format(endToEnd / floor))")
    print("\(label)_load: \(format(loadTime)) ms")
    print("\(label)_generate: \(format(generateTime)) ms")
    print("\(label)_write: \(format(writeTime)) ms")
}
if sink == 42 { print("") }  // keeps the work observable

// Parse benchmark: how much the YAML tree and the spec model cost over a bare libyaml event pass.
//
//   ParseBenchmarks SPEC [--rounds N] [--warmup N]   timings (medians) and ratios against `floor`
//   ParseBenchmarks SPEC --memory                    one model load in this fresh process, then VmHWM
//   ParseBenchmarks SPEC --once floor|tree|model     one pass of one stage, silent, for a profiler
//
// Output is one figure per line, `name: value unit`.

import CYAML
import Foundation
import SpecYAML
import StripeSpec

struct Options {
    var path: String
    var rounds = 15
    var warmup = 3
    var memory = false
    /// `--once STAGE`: run one stage once and print nothing, for profilers (valgrind --tool=callgrind).
    var once: String?

    static func parse(_ arguments: [String]) -> Options? {
        var path: String?
        var options = Options(path: "")
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--memory": options.memory = true
            case "--once":
                guard let stage = iterator.next(), ["floor", "tree", "model"].contains(stage) else { return nil }
                options.once = stage
            case "--rounds":
                guard let value = iterator.next().flatMap(Int.init), value > 0 else { return nil }
                options.rounds = value
            case "--warmup":
                guard let value = iterator.next().flatMap(Int.init), value >= 0 else { return nil }
                options.warmup = value
            default:
                guard path == nil, !argument.hasPrefix("-") else { return nil }
                path = argument
            }
        }
        guard let path else { return nil }
        options.path = path
        return options
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

func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Runs `body` `warmup` times untimed, then `rounds` times timed; returns the median in milliseconds.
func measure(rounds: Int, warmup: Int, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    for _ in 0..<warmup { body() }
    var samples: [Double] = []
    samples.reserveCapacity(rounds)
    for _ in 0..<rounds {
        samples.append(milliseconds(clock.measure(body)))
    }
    return median(samples)
}

/// A `kB` field of /proc/self/status (`VmRSS`, `VmHWM`), in bytes; nil where /proc is missing.
func procStatus(_ field: String) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        let number = line.dropFirst(field.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
        return number.map { $0 * 1024 }
    }
    return nil
}

func format(_ value: Double, digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
func megabytes(_ bytes: Int) -> String { format(Double(bytes) / 1_048_576, digits: 1) }

guard let options = Options.parse(CommandLine.arguments) else {
    fail("usage: ParseBenchmarks SPEC [--rounds N] [--warmup N] | --memory | --once floor|tree|model")
}
if options.memory {
    // A fresh process: the baseline is the runtime before the spec is read; the peak holds the file's bytes,
    // the YAML tree and the model of one `SpecLoader.load(contentsOf:)`, the CLI's path. Nothing is subtracted.
    let baseline = procStatus("VmRSS") ?? 0
    let loaded: LoadedSpec
    do {
        loaded = try SpecLoader.load(contentsOf: options.path)
    } catch {
        fail("model: \(error)")
    }
    let peak = procStatus("VmHWM") ?? 0
    let size = (try? FileManager.default.attributesOfItem(atPath: options.path)[.size] as? Int) ?? 0
    withExtendedLifetime(loaded) {
        print("file_size: \(megabytes(size)) MB")
        print("baseline_rss: \(megabytes(baseline)) MB")
        print("peak_rss: \(megabytes(peak)) MB")
        print("peak_rss/file_size: \(format(Double(peak) / Double(max(size, 1))))")
        print("(peak_rss-baseline_rss)/file_size: \(format(Double(peak - baseline) / Double(max(size, 1))))")
    }
    exit(0)
}

guard let data = FileManager.default.contents(atPath: options.path) else { fail("cannot read \(options.path)") }
let bytes = [UInt8](data)

if let stage = options.once {
    switch stage {
    case "floor": _ = floorPass(bytes)
    case "tree": _ = try? YAMLLoader.load(bytes: bytes, path: options.path)
    default: _ = try? SpecLoader.load(bytes: bytes, path: options.path)
    }
    exit(0)
}

// Check once, outside the timings, that every stage succeeds on this input.
let eventCount = floorPass(bytes)
do {
    let loaded = try SpecLoader.load(bytes: bytes, path: options.path)
    print("spec: \(loaded.document.paths.count) paths, \(loaded.document.operations.count) operations, "
          + "\(loaded.document.schemaNames.count) schemas, \(eventCount) events, \(megabytes(bytes.count)) MB")
} catch {
    fail("model: \(error)")
}
print("rounds: \(options.rounds) measured, \(options.warmup) warm-up")

var sink = 0
let floorTime = measure(rounds: options.rounds, warmup: options.warmup) {
    sink &+= floorPass(bytes)
}
let treeTime = measure(rounds: options.rounds, warmup: options.warmup) {
    guard let root = try? YAMLLoader.load(bytes: bytes, path: options.path) else { fail("tree: load failed") }
    sink &+= root.pairs?.count ?? 0
}
let modelTime = measure(rounds: options.rounds, warmup: options.warmup) {
    guard let loaded = try? SpecLoader.load(bytes: bytes, path: options.path) else { fail("model: load failed") }
    sink &+= loaded.document.schemaNames.count
}
print("floor: \(format(floorTime)) ms")
print("tree: \(format(treeTime)) ms")
print("model: \(format(modelTime)) ms")
print("tree/floor: \(format(treeTime / floorTime))")
print("model/floor: \(format(modelTime / floorTime))")
if sink == 42 { print("") }  // keeps the work observable

import Foundation

/// Times `body` in several rounds and returns the median cost of one call, in microseconds.
func medianMicroseconds(rounds: Int = 9, iterations: Int, _ body: () throws -> Void) rethrows -> Double {
    for _ in 0..<max(1, iterations / 10) { try body() }
    var samples: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<rounds {
        let elapsed = try clock.measure {
            for _ in 0..<iterations { try body() }
        }
        let components = elapsed.components
        let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
        samples.append(seconds * 1e6 / Double(iterations))
    }
    samples.sort()
    return samples[samples.count / 2]
}

/// Prints one figure as `name: value unit`.
func report(_ name: String, _ value: Double, _ unit: String) {
    print("\(name): \(String(format: "%.2f", value)) \(unit)")
}

/// Keeps a value alive so the optimiser cannot drop the work that made it.
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

// swift-tools-version: 6.1
import PackageDescription

// The in-process benchmarks on package-benchmark (ordo-one/benchmark): their own package, so the main manifest
// carries only what users build. `swift package benchmark` runs them; see Benchmarks/RESULTS.md.
let package = Package(
    name: "StripeCheckoutBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "StripeCheckout", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "RuntimeBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "StripeCheckout", package: "StripeCheckout"),
                .product(name: "StripeRuntime", package: "StripeCheckout"),
            ],
            path: "Benchmarks/RuntimeBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

// swift-tools-version: 6.1
import PackageDescription

// The benchmarks: their own package, so the main manifest carries only what users build.
// In-process benchmarks run on package-benchmark (ordo-one/benchmark, `swift package benchmark`); the server and
// database load drivers are plain executables run by their scripts. See Benchmarks/RESULTS.md.
let package = Package(
    name: "StripeCheckoutBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "StripeCheckout", path: "..", traits: ["PostgreSQL", "SQLite", "Emulator"]),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
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
        .executableTarget(
            name: "CodegenBenchmarks",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "StripeCodegen", package: "StripeCheckout"),
            ],
            path: "Benchmarks/CodegenBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ParseBenchmarks",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "StripeCodegen", package: "StripeCheckout"),
            ],
            path: "Benchmarks/ParseBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "OrderLookup",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CheckoutEmulator", package: "StripeCheckout"),
                .product(name: "CheckoutWorkflows", package: "StripeCheckout"),
                .product(name: "StripeCheckout", package: "StripeCheckout"),
                .product(name: "StripeRuntime", package: "StripeCheckout"),
            ],
            path: "Benchmarks/OrderLookup",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The checkout stores per backend (in memory, SQLite, PostgreSQL): run by store-bench.sh.
        .executableTarget(
            name: "StoreBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CheckoutWorkflows", package: "StripeCheckout"),
                .product(name: "CheckoutWorkflowsSQLite", package: "StripeCheckout"),
                .product(name: "CheckoutWorkflowsPostgres", package: "StripeCheckout"),
                .product(name: "StripeCheckout", package: "StripeCheckout"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Benchmarks/StoreBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The bare libyaml pass the parse and generation figures are ratios of. Named apart from the main package's
        // `CYAML`: two modules of one name in one build collide.
        .systemLibrary(
            name: "CLibYAMLFloor",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "BenchmarkInputs", dependencies: ["CLibYAMLFloor"]),
        .executableTarget(
            name: "EmulatorLoad",
            dependencies: [
                .product(name: "CheckoutEmulator", package: "StripeCheckout"),
                .product(name: "StripeCheckout", package: "StripeCheckout"),
                .product(name: "StripeRuntime", package: "StripeCheckout"),
            ],
            path: "EmulatorLoad"
        ),
        .executableTarget(
            name: "PostgresBenchmarks",
            dependencies: [
                .product(name: "CheckoutWorkflowsPostgres", package: "StripeCheckout"),
                .product(name: "CheckoutWorkflows", package: "StripeCheckout"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "PostgresBenchmarks"
        ),
    ]
)

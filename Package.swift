// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode with complete concurrency checking.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// The optional parts, each behind a trait of its own name.
let optionalTraits: Set<String> = ["PostgreSQL", "SQLite", "AsyncHTTPClient", "Emulator"]
/// The Swift Package Index builds the documentation (`.spi.yml`) with the default traits and sets
/// `SPI_GENERATE_DOCS`: there every trait is on, so each documented module has its declarations.
let documentingForTheIndex = Context.environment["SPI_GENERATE_DOCS"] != nil

let package = Package(
    name: "StripeCheckout",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "StripeCheckout", targets: ["StripeCheckout"]),
        .library(name: "CheckoutWorkflows", targets: ["CheckoutWorkflows"]),
        .library(name: "CheckoutWorkflowsPostgres", targets: ["CheckoutWorkflowsPostgres"]),
        .library(name: "CheckoutWorkflowsSQLite", targets: ["CheckoutWorkflowsSQLite"]),
        .library(name: "StripeRuntime", targets: ["StripeRuntime"]),
        .library(name: "StripeRuntimeAsyncHTTPClient", targets: ["StripeRuntimeAsyncHTTPClient"]),
        // The generator as a library (`Codegen.generate`, `Codegen.diff`) with the spec reader and output writer it uses.
        .library(name: "StripeCodegen", targets: ["SpecYAML", "StripeSpec", "StripeCodegen", "CodegenOutput"]),
        .executable(name: "stripe-codegen", targets: ["stripe-codegen"]),
        .executable(name: "checkout-emulator", targets: ["checkout-emulator"]),
        .library(name: "CheckoutEmulator", targets: ["CheckoutEmulator"]),
        .plugin(name: "StripeBindingsPlugin", targets: ["StripeBindingsPlugin"]),
        .plugin(name: "GenerateStripeBindings", targets: ["GenerateStripeBindings"]),
    ],
    // The optional parts, all off by default: a plain Stripe client resolves and builds none of their dependencies.
    traits: [
        .trait(name: "PostgreSQL", description: "CheckoutWorkflowsPostgres: the stores on PostgreSQL (postgres-nio)."),
        .trait(name: "SQLite", description: "CheckoutWorkflowsSQLite: the stores in one SQLite file (sqlite-nio)."),
        .trait(name: "AsyncHTTPClient", description: "StripeRuntimeAsyncHTTPClient: the transport on AsyncHTTPClient."),
        .trait(name: "Emulator", description: "CheckoutEmulator and checkout-emulator: a local Stripe for tests (swift-nio, sqlite-nio)."),
        .default(enabledTraits: documentingForTheIndex ? optionalTraits : []),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        // Spans and metrics for each Stripe request and webhook, recorded only once the application bootstraps a backend.
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.0"),
        // `swift package generate-documentation` / `preview-documentation` for the DocC catalogs.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "ParallelWork", swiftSettings: strictSettings),
        .target(name: "SpecYAML", dependencies: ["CYAML", "ParallelWork"], swiftSettings: strictSettings),
        .target(name: "StripeSpec", dependencies: ["SpecYAML"], swiftSettings: strictSettings),
        .target(
            name: "StripeCodegen", dependencies: ["ParallelWork", "SpecYAML", "StripeSpec", "CodegenOutput"],
            swiftSettings: strictSettings
        ),
        .target(name: "CodegenOutput", dependencies: ["ParallelWork"], swiftSettings: strictSettings),
        .executableTarget(
            name: "stripe-codegen",
            dependencies: [
                "SpecYAML", "StripeSpec", "StripeCodegen", "CodegenOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "StripeRuntime",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "StripeCheckout",
            dependencies: ["StripeRuntime"],
            // The generator owns Generated/StripeCheckout; the hand-written DocC catalog sits beside it.
            path: "Generated",
            sources: ["StripeCheckout"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "CheckoutWorkflows",
            dependencies: [
                "StripeCheckout", "StripeRuntime",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CheckoutWorkflowsTests",
            dependencies: [
                "CheckoutWorkflows", "CheckoutEmulator", "StripeCheckout", "StripeRuntime",
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "CheckoutWorkflowsPostgres",
            dependencies: [
                "CheckoutWorkflows", "StripeCheckout",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "CheckoutWorkflowsSQLite",
            dependencies: [
                "CheckoutWorkflows", "StripeCheckout",
                .product(name: "SQLiteNIO", package: "sqlite-nio", condition: .when(traits: ["SQLite"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["SQLite"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["SQLite"])),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "checkout-sqlite-probe",
            dependencies: [
                "CheckoutWorkflowsSQLite", "CheckoutWorkflows",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CheckoutWorkflowsSQLiteTests",
            dependencies: [
                "CheckoutWorkflowsSQLite", "CheckoutWorkflows", "checkout-sqlite-probe", "StripeCheckout", "ProbeProcessSupport",
                .product(name: "SQLiteNIO", package: "sqlite-nio", condition: .when(traits: ["SQLite"])),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Running this package's probe executables as separate OS processes, for the store tests that race them.
        .target(name: "ProbeProcessSupport", path: "Tests/ProbeProcessSupport", swiftSettings: strictSettings),
        // One suite of the promises every store makes, run against each backend: in memory, SQLite, PostgreSQL.
        .testTarget(
            name: "CheckoutWorkflowsStoreConformanceTests",
            dependencies: [
                "CheckoutWorkflows", "CheckoutWorkflowsSQLite", "CheckoutWorkflowsPostgres", "StripeCheckout",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "checkout-postgres-probe",
            dependencies: [
                "CheckoutWorkflowsPostgres", "CheckoutWorkflows", "StripeCheckout", "StripeRuntime",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CheckoutWorkflowsPostgresTests",
            dependencies: [
                "CheckoutWorkflowsPostgres", "CheckoutWorkflows", "checkout-postgres-probe", "CheckoutEmulator",
                "StripeCheckout", "StripeRuntime", "ProbeProcessSupport",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "StripeCheckoutTests", dependencies: ["StripeCheckout", "StripeRuntime"], swiftSettings: strictSettings),
        // The bindings of Tests/StripeCodegenTests/Specs/corpus.yaml, a spec that uses every construct of the dialect,
        // compiled so that CI builds each path of the generator.
        .target(
            name: "CorpusBindings", dependencies: ["StripeRuntime"], path: "Tests/CorpusBindings",
            swiftSettings: strictSettings
        ),
        .testTarget(name: "CorpusBindingsTests", dependencies: ["CorpusBindings", "StripeRuntime"], swiftSettings: strictSettings),
        .testTarget(name: "SpecYAMLTests", dependencies: ["SpecYAML"], swiftSettings: strictSettings),
        .testTarget(name: "StripeSpecTests", dependencies: ["StripeSpec", "SpecYAML"], swiftSettings: strictSettings),
        .testTarget(
            name: "StripeCodegenTests", dependencies: ["StripeCodegen", "StripeSpec", "CodegenOutput"], exclude: ["Goldens", "Specs"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "StripeCodegenCLITests", dependencies: ["stripe-codegen"], swiftSettings: strictSettings),
        .testTarget(
            name: "CodegenOutputTests", dependencies: ["CodegenOutput", "ParallelWork", "StripeCodegen"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "StripeRuntimeAsyncHTTPClient",
            dependencies: [
                "StripeRuntime",
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["AsyncHTTPClient"])),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StripeRuntimeTests",
            dependencies: [
                "StripeRuntime",
                "StripeRuntimeAsyncHTTPClient",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "CheckoutEmulator",
            dependencies: [
                "StripeRuntime", "StripeCheckout", "StripeSpec",
                .product(name: "SQLiteNIO", package: "sqlite-nio", condition: .when(traits: ["Emulator"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Emulator"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["Emulator"])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["Emulator"])),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "checkout-emulator",
            dependencies: [
                "CheckoutEmulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CheckoutEmulatorTests",
            dependencies: [
                "CheckoutEmulator", "checkout-emulator", "StripeCheckout", "StripeRuntime",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "SQLiteNIO", package: "sqlite-nio", condition: .when(traits: ["Emulator"])),
            ],
            swiftSettings: strictSettings
        ),
        .plugin(name: "StripeBindingsPlugin", capability: .buildTool(), dependencies: ["stripe-codegen"]),
        .plugin(
            name: "GenerateStripeBindings",
            capability: .command(
                intent: .custom(verb: "generate-stripe-bindings",
                                description: "Regenerate the committed bindings (Generated/StripeCheckout) from Specs/checkout.yaml."),
                permissions: [.writeToPackageDirectory(reason: "Rewrites the generated Swift files in Generated/StripeCheckout.")]
            ),
            dependencies: ["stripe-codegen"]
        ),
    ]
)

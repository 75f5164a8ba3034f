// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "CheckoutServer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "StripeCheckout", path: "../..", traits: ["PostgreSQL", "SQLite", "Emulator"]),
        .package(name: "ShopKit", path: "../ShopKit"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        .target(
            name: "CheckoutServerApp",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ShopKit", package: "ShopKit"),
            ]
        ),
        .executableTarget(
            name: "checkout-server",
            dependencies: [
                "CheckoutServerApp",
                .product(name: "ShopKit", package: "ShopKit"),
                .product(name: "CheckoutEmulator", package: "StripeCheckout"),
                .product(name: "CheckoutWorkflowsPostgres", package: "StripeCheckout"),
                .product(name: "CheckoutWorkflowsSQLite", package: "StripeCheckout"),
                .product(name: "StripeRuntime", package: "StripeCheckout"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CheckoutServerTests",
            dependencies: [
                "CheckoutServerApp", "checkout-server",
                .product(name: "ShopKit", package: "ShopKit"),
                .product(name: "StripeRuntime", package: "StripeCheckout"),
                .product(name: "CheckoutEmulator", package: "StripeCheckout"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ]
)

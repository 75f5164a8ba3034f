// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "VaporShop",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "StripeCheckout", path: "../..", traits: ["SQLite", "Emulator"]),
        .package(name: "ShopKit", path: "../ShopKit"),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    ],
    targets: [
        .target(
            name: "VaporShopApp",
            dependencies: [
                .product(name: "Vapor", package: "vapor"),
                .product(name: "ShopKit", package: "ShopKit"),
            ]
        ),
        .executableTarget(
            name: "vapor-shop",
            dependencies: [
                "VaporShopApp",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "ShopKit", package: "ShopKit"),
                .product(name: "CheckoutEmulator", package: "StripeCheckout"),
                .product(name: "CheckoutWorkflowsSQLite", package: "StripeCheckout"),
            ]
        ),
        .testTarget(
            name: "VaporShopTests",
            dependencies: [
                "VaporShopApp",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "ShopKit", package: "ShopKit"),
                .product(name: "CheckoutEmulator", package: "StripeCheckout"),
                .product(name: "StripeRuntime", package: "StripeCheckout"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ]
)

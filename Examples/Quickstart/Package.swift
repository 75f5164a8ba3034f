// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Quickstart",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "StripeCheckout", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "Quickstart",
            dependencies: [
                .product(name: "StripeCheckout", package: "StripeCheckout"),
                .product(name: "CheckoutWorkflows", package: "StripeCheckout"),
                .product(name: "StripeRuntime", package: "StripeCheckout"),
            ]
        ),
    ]
)

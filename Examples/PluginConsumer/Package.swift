// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode, and `any` spelled out for existentials.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "PluginConsumer",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "StripeCheckout", path: "../..", traits: ["Emulator"]),
    ],
    targets: [
        // Bindings generated at build time from Sources/ShopBindings/checkout.openapi.yaml,
        // configured by Sources/ShopBindings/stripe-codegen.yaml.
        .target(
            name: "ShopBindings",
            dependencies: [.product(name: "StripeRuntime", package: "StripeCheckout")],
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "StripeBindingsPlugin", package: "StripeCheckout")]
        ),
        .testTarget(
            name: "ShopBindingsTests",
            dependencies: [
                "ShopBindings",
                .product(name: "CheckoutEmulator", package: "StripeCheckout"),
                .product(name: "StripeRuntime", package: "StripeCheckout"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)

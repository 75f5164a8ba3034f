// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets for the parsers on the network path. Its own package, so the main package's
/// `swift build` never compiles them; `run.sh` builds them with `-sanitize=fuzzer,address`.
///
/// Tools version 5.4 on purpose: from 5.5 on, SwiftPM renames an executable's entry point and links
/// `main` to it, which clashes with the `main` libFuzzer provides. The code still builds in the
/// Swift 6 language mode.
let swift6: [SwiftSetting] = [.unsafeFlags(["-swift-version", "6"])]

let package = Package(
    name: "StripeCheckoutFuzz",
    dependencies: [
        .package(name: "StripeCheckout", path: "..", traits: ["Emulator"]),
    ],
    targets: [
        .executableTarget(
            name: "FuzzHTTPResponse",
            dependencies: [.product(name: "StripeRuntime", package: "StripeCheckout")],
            swiftSettings: swift6
        ),
        .executableTarget(
            name: "FuzzWebhook",
            dependencies: [.product(name: "StripeRuntime", package: "StripeCheckout")],
            swiftSettings: swift6
        ),
        .executableTarget(
            name: "FuzzModelDecoding",
            dependencies: [
                .product(name: "StripeCheckout", package: "StripeCheckout"),
                .product(name: "StripeRuntime", package: "StripeCheckout"),
            ],
            swiftSettings: swift6
        ),
        .executableTarget(
            name: "FuzzFormRoundTrip",
            dependencies: [
                .product(name: "StripeRuntime", package: "StripeCheckout"),
                .product(name: "CheckoutEmulator", package: "StripeCheckout"),
            ],
            swiftSettings: swift6
        ),
        // SpecYAML and StripeSpec are not products of the main package; the emulator brings them into the build.
        .executableTarget(
            name: "FuzzYAML",
            dependencies: [.product(name: "CheckoutEmulator", package: "StripeCheckout")],
            swiftSettings: swift6
        ),
        .executableTarget(
            name: "FuzzSpec",
            dependencies: [.product(name: "CheckoutEmulator", package: "StripeCheckout")],
            swiftSettings: swift6
        ),
    ]
)

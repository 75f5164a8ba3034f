// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets for the parsers on the network path. Its own package, so the main package's
/// `swift build` never compiles them; `run.sh` builds them with `-sanitize=fuzzer,address`.
///
/// SwiftPM links an executable's `main` to the target's `<Target>_main`, so each target defines that function and
/// hands its arguments to libFuzzer's driver (`FuzzDriver`), as libFuzzer's own `main` would.
let package = Package(
    name: "StripeCheckoutFuzz",
    dependencies: [
        .package(name: "StripeCheckout", path: "..", traits: ["Emulator"]),
    ],
    targets: [
        // The declaration of libFuzzer's driver, for the targets' entry points.
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzHTTPResponse",
            dependencies: ["FuzzDriver", .product(name: "StripeRuntime", package: "StripeCheckout")]
        ),
        .executableTarget(
            name: "FuzzWebhook",
            dependencies: ["FuzzDriver", .product(name: "StripeRuntime", package: "StripeCheckout")]
        ),
        .executableTarget(
            name: "FuzzModelDecoding",
            dependencies: [
                "FuzzDriver",
                .product(name: "StripeCheckout", package: "StripeCheckout"),
                .product(name: "StripeRuntime", package: "StripeCheckout"),
            ]
        ),
        .executableTarget(
            name: "FuzzFormRoundTrip",
            dependencies: [
                "FuzzDriver",
                .product(name: "StripeRuntime", package: "StripeCheckout"),
                .product(name: "CheckoutEmulator", package: "StripeCheckout"),
            ]
        ),
        // SpecYAML and StripeSpec are not products of the main package; the emulator brings them into the build.
        .executableTarget(
            name: "FuzzYAML",
            dependencies: ["FuzzDriver", .product(name: "CheckoutEmulator", package: "StripeCheckout")]
        ),
        .executableTarget(
            name: "FuzzSpec",
            dependencies: ["FuzzDriver", .product(name: "CheckoutEmulator", package: "StripeCheckout")]
        ),
    ]
)

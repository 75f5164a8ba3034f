// swift-tools-version: 6.1
import PackageDescription

// The program `telemetry-overhead.sh` builds twice: against the package at STRIPE_CHECKOUT_ROOT (a baseline's
// worktree), and against this repository when that is unset.
let root = Context.environment["STRIPE_CHECKOUT_ROOT"] ?? "../.."

let package = Package(
    name: "TelemetryOverhead",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "StripeCheckout", path: root)],
    targets: [
        .executableTarget(
            name: "TelemetryOverhead",
            dependencies: [
                .product(name: "StripeCheckout", package: "StripeCheckout"),
                .product(name: "StripeRuntime", package: "StripeCheckout"),
            ]
        ),
    ]
)

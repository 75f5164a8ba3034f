// swift-tools-version: 6.1
import PackageDescription

// The demo shop itself, whatever serves it: its catalog, orders, pages, checkout and webhook handling. The
// CheckoutServer (Hummingbird) and VaporShop (Vapor) examples put it behind their web frameworks' routes.
let package = Package(
    name: "ShopKit",
    platforms: [.macOS(.v13)],
    products: [.library(name: "ShopKit", targets: ["ShopKit"])],
    dependencies: [
        .package(name: "StripeCheckout", path: "../..", traits: ["SQLite"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.0"),
    ],
    targets: [
        .target(
            name: "ShopKit",
            dependencies: [
                .product(name: "StripeCheckout", package: "StripeCheckout"),
                .product(name: "CheckoutWorkflows", package: "StripeCheckout"),
                .product(name: "StripeRuntime", package: "StripeCheckout"),
                .product(name: "CheckoutWorkflowsSQLite", package: "StripeCheckout"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
            ]
        ),
    ]
)

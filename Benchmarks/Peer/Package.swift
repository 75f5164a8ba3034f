// swift-tools-version: 6.2
// The peer for Benchmarks/peer-bench.sh: Apple's swift-openapi-generator, pinned, built in release as its
// `swift-openapi-generator` executable. A package of its own so the main package never depends on the peer.
//
//   swift build -c release --product swift-openapi-generator --package-path Benchmarks/Peer
//
// `PeerPins` only links OpenAPIRuntime so that resolving this package pins the runtime the peer's generated
// code is built against (Templates/peer).
import PackageDescription

let package = Package(
    name: "PeerBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
    ],
    targets: [
        .target(
            name: "PeerPins",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")]
        ),
    ]
)

import Foundation

/// Stripe's published spec, found through `STRIPE_SHARED_DATA`; tests that need it are skipped without.
enum SharedData {
    /// The folder `STRIPE_SHARED_DATA` names, when set.
    static let directory: String? = {
        guard let value = ProcessInfo.processInfo.environment["STRIPE_SHARED_DATA"], !value.isEmpty else { return nil }
        return value
    }()

    /// Stripe's full spec for API version 2023-08-16.
    static var specPath: String { (directory ?? ".") + "/spec3-2023-08-16.yaml" }

    /// Stripe's older spec (API 2020-08-27), the "before" of an upgrade.
    static var olderSpecPath: String { (directory ?? ".") + "/spec3-2022-05.sdk.yaml" }

    /// Whether the full spec can be read.
    static var available: Bool {
        directory != nil && FileManager.default.isReadableFile(atPath: specPath)
    }
}

/// The package's root folder, found from this file's place (through symlinks) so tests run from any directory.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

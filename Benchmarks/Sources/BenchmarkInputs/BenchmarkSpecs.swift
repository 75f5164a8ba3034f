import Foundation

/// The specs the parse and generation benchmarks read: the trimmed Checkout spec of the repository, and Stripe's
/// full spec from `STRIPE_SHARED_DATA` (default `../shared/stripe` beside the repository), when it is there.
public enum BenchmarkSpecs {
    /// The repository's root, found from this file's place in it (Benchmarks/Sources/BenchmarkInputs/).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Specs/checkout.yaml` of the repository.
    public static var checkout: String { repositoryRoot.appendingPathComponent("Specs/checkout.yaml").path }

    /// Stripe's full spec, or nil (with the reason on standard error) when `STRIPE_SHARED_DATA` does not hold it.
    public static var full: String? {
        let folder = ProcessInfo.processInfo.environment["STRIPE_SHARED_DATA"]
            ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/stripe").path
        let path = folder + "/spec3-2023-08-16.yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            FileHandle.standardError.write(Data("\(path) not found: set STRIPE_SHARED_DATA; full-spec benchmarks skipped\n".utf8))
            return nil
        }
        return path
    }

    /// A file's bytes, or nil (with the reason on standard error) when it cannot be read.
    public static func bytes(of path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("cannot read \(path); its benchmarks skipped\n".utf8))
            return nil
        }
        return [UInt8](data)
    }
}

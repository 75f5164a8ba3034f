import Foundation

/// The text of enums printed so far, by everything it depends on. The same enum is printed for many owners (a
/// country list in every params type that takes an address), so later copies reuse the bytes instead of naming and
/// printing every case again. Shared by the threads that print.
final class PrintedEnums: @unchecked Sendable {
    /// An enum as printed: its name, doc comment, raw values, and how deep it is indented.
    struct Key: Hashable, Sendable {
        var name: String
        var documentation: [String]
        var values: [String]
        var indentation: Int
    }

    /// Smaller enums print about as fast as they are looked up.
    static let minimumValues = 8

    private let lock = NSLock()
    // Guarded by `lock`.
    private var texts: [Key: [UInt8]] = [:]

    func text(for key: Key) -> [UInt8]? {
        lock.withLock { texts[key] }
    }

    func store(_ text: [UInt8], for key: Key) {
        lock.withLock { texts[key] = text }
    }
}

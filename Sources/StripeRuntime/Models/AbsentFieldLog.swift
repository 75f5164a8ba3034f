import Foundation

/// Collects where tolerant decoding found a required field absent (`line_items.data[0].price.type`), for logs
/// and reports: give one to a decoder with `JSONDecoder(requiredFields: .tolerant, log: log)`.
public final class AbsentFieldLog: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String] = []

    /// Creates an empty log.
    public init() {}

    /// The coding path of each absent field, in the order they were found.
    public var entries: [String] {
        lock.withLock { paths }
    }

    /// Records the field at `path`.
    func record(_ path: [any CodingKey]) {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        lock.withLock { paths.append(text) }
    }
}

extension CodingUserInfoKey {
    /// The ``AbsentFieldLog`` tolerant decoding records absent required fields in, when there is one.
    public static let stripeAbsentFieldLog = CodingUserInfoKey(rawValue: "StripeRuntime.AbsentFieldLog")!
}

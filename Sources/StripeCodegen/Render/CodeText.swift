/// The text of one printed line, as the renderers write it: a string literal whose interpolations are appended
/// straight to UTF-8 bytes. A `String` interpolation would build and grow a string for every line, which the printer
/// then copies.
struct CodeText: ExpressibleByStringInterpolation {
    /// A literal without interpolations stays the `String` it is; anything interpolated is built as bytes.
    private enum Storage {
        case string(String)
        case bytes([UInt8])
    }

    private let storage: Storage

    /// Text held in a string built elsewhere.
    init(_ string: String) { storage = .string(string) }

    init(stringLiteral value: String) { storage = .string(value) }

    init(stringInterpolation: Interpolation) { storage = .bytes(stringInterpolation.bytes) }

    /// Appends the text to `bytes`.
    func append(to bytes: inout [UInt8]) {
        switch storage {
        case .string(let string): bytes.append(utf8: string)
        case .bytes(let text): bytes.append(contentsOf: text)
        }
    }

    /// Whether the text has no characters; an empty line is printed without indentation.
    var isEmpty: Bool {
        switch storage {
        case .string(let string): string.isEmpty
        case .bytes(let text): text.isEmpty
        }
    }

    /// Whether the text ends with `suffix`.
    func hasSuffix(_ suffix: String) -> Bool {
        switch storage {
        case .string(let string): string.hasSuffix(suffix)
        case .bytes(let text): text.count >= suffix.utf8.count && text.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
        }
    }

    /// Collects a literal's pieces as UTF-8 bytes, interpolated values as `String(describing:)` spells them.
    struct Interpolation: StringInterpolationProtocol {
        fileprivate var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            // Interpolated names and types are usually longer than a String interpolation's guess of two bytes.
            bytes.reserveCapacity(literalCapacity + 24 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) { bytes.append(utf8: literal) }

        mutating func appendInterpolation(_ value: String) { bytes.append(utf8: value) }

        mutating func appendInterpolation(_ value: some Any) { bytes.append(utf8: String(describing: value)) }
    }
}

extension [UInt8] {
    /// Appends `string`'s UTF-8 bytes in one copy: appending a `String.UTF8View` as a sequence goes byte by byte.
    mutating func append(utf8 string: String) {
        var string = string
        string.withUTF8 { append(contentsOf: $0) }
    }
}

#if Emulator
import Foundation

/// What a request's `Stripe-Version` header asks for, measured against the one version the emulator answers in
/// (the spec's `info.version`). A well-formed version is a calendar date, `2023-08-16`, optionally with a release
/// name (`2024-09-30.acacia`) and beta flags after semicolons (`2023-08-16; checkout_beta=v1`). Stripe refuses
/// anything else; any well-formed version is answered in the emulated one, and the answer says so.
struct RequestedAPIVersion: Sendable, Equatable {
    /// The header that names the version a request asked for when the answer is in another one.
    static let noteHeader = "Emulator-Requested-Version"

    /// The header's value, trimmed; `nil` when the request sent none.
    let requested: String?
    /// The version the emulator answers in.
    let emulated: String

    /// Reads `header`, or answers Stripe's 400 for a malformed version.
    static func read(_ header: String?, emulated: String) -> Result<RequestedAPIVersion, APIError> {
        guard let header else { return .success(RequestedAPIVersion(requested: nil, emulated: emulated)) }
        let requested = header.trimmingCharacters(in: .whitespaces)
        guard isWellFormed(requested) else {
            return .failure(.invalidRequest("Invalid Stripe API version: \(header)"))
        }
        return .success(RequestedAPIVersion(requested: requested, emulated: emulated))
    }

    /// Whether the answer is in another version than the one asked for.
    var isSubstituted: Bool {
        requested.map { $0 != emulated } ?? false
    }

    /// The headers that tell the client its version was not the one answered in; none when it was.
    var noteHeaders: [String: String] {
        guard isSubstituted, let requested else { return [:] }
        return [Self.noteHeader: requested]
    }

    /// Whether `value` is a date (`YYYY-MM-DD`, a real day), then an optional `.name` of lower-case letters, then
    /// optional `; flag=value` pairs of letters, digits and underscores.
    static func isWellFormed(_ value: String) -> Bool {
        let parts = value.split(separator: ";", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let release = parts.first else { return false }
        let releaseParts = release.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard isDate(releaseParts[0]) else { return false }
        if releaseParts.count == 2 {
            let name = releaseParts[1]
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        }
        return parts.dropFirst().allSatisfy(isBetaFlag)
    }

    /// `YYYY-MM-DD` naming a day that exists.
    private static func isDate(_ text: Substring) -> Bool {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
              fields.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
              (1...12).contains(month), day >= 1 else {
            return false
        }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// `name=value`, both of ASCII letters, digits and underscores.
    private static func isBetaFlag(_ text: String) -> Bool {
        let pair = text.split(separator: "=", omittingEmptySubsequences: false)
        return pair.count == 2 && pair.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        }
    }
}
#endif

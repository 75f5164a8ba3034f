import Foundation

/// Which API versions a webhook endpoint takes events in. Events are rendered in the endpoint's version, which can
/// be newer than the bindings'; by default any version is taken and decoded tolerantly.
public struct WebhookAPIVersions: Sendable, Hashable, CustomStringConvertible {
    /// The versions taken, or `nil` for any.
    public let accepted: Set<String>?

    /// Any version, including events that name none.
    public static let any = WebhookAPIVersions(accepted: nil)

    /// Only these versions: any other (or none) is refused before the event is decoded.
    public static func only(_ versions: Set<String>) -> WebhookAPIVersions {
        WebhookAPIVersions(accepted: versions)
    }

    /// Only `version`, e.g. the bindings' own (`StripeBindings.apiVersion`).
    public static func exactly(_ version: String) -> WebhookAPIVersions {
        only([version])
    }

    /// Whether an event rendered in `version` is taken.
    public func accepts(_ version: String?) -> Bool {
        guard let accepted else { return true }
        return version.map(accepted.contains) ?? false
    }

    /// `any`, or the versions taken, sorted.
    public var description: String {
        accepted.map { $0.sorted().joined(separator: ", ") } ?? "any"
    }
}

/// The one field of an event read before the whole event is decoded.
struct WebhookEventVersion: Decodable {
    var apiVersion: String?

    enum CodingKeys: String, CodingKey {
        case apiVersion = "api_version"
    }
}

/// Which fields a spec requires that generated models still decode without: objects rendered in a newer API
/// version, and Stripe's own samples, lack fields an older spec requires.
///
/// A required, non-nullable response field becomes optional in Swift and decodes through the runtime's
/// `decodeRequired` under the decoder's `RequiredFieldPolicy`, except the fields Stripe sends on every object it
/// has them on, which stay non-optional. Params keep their required fields: we build those ourselves.
enum AbsentFieldRules {
    /// Fields Stripe always sends: identity, type tag, creation time and mode. An object lacking one of them
    /// fails to decode under either policy.
    static let alwaysSent: Set<String> = ["id", "object", "created", "livemode"]

    /// The computed property that lists a model's absent required fields, by wire name.
    static let listName = "missingRequiredFields"

    /// Whether a response field may be absent though the spec requires it.
    static func toleratesAbsence(of wireName: String, required: Bool, nullable: Bool, isParams: Bool) -> Bool {
        required && !nullable && !isParams && !alwaysSent.contains(wireName)
    }
}

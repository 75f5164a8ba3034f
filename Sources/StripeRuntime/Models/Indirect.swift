/// Stores a value in a shared, immutable box, so a generated struct can hold a value that contains the struct itself
/// (Stripe's objects refer to each other). Reads and writes look like a plain property.
@propertyWrapper
public struct Indirect<Value: Sendable & Hashable>: Sendable, Hashable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    /// Boxes `wrappedValue`.
    public init(wrappedValue: Value) {
        box = Box(wrappedValue)
    }

    /// The boxed value; setting it puts the new value in a new box, so copies never share a change.
    public var wrappedValue: Value {
        get { box.value }
        set { box = Box(newValue) }
    }

    /// Equal when the boxed values are equal.
    public static func == (lhs: Indirect, rhs: Indirect) -> Bool {
        lhs.box === rhs.box || lhs.box.value == rhs.box.value
    }

    /// Hashes the boxed value.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.value)
    }
}

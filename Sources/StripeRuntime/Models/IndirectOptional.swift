/// ``Indirect`` for an optional value: a present value lives in a shared, immutable box, and `nil` takes no box,
/// so the many absent nested objects of a decoded response cost no allocation.
@propertyWrapper
public struct IndirectOptional<Wrapped: Sendable>: Sendable {
    private var box: IndirectBox<Wrapped>?

    /// Boxes `wrappedValue` when it is present.
    public init(wrappedValue: Wrapped?) {
        box = wrappedValue.map(IndirectBox.init)
    }

    /// The boxed value, or `nil`; setting it puts the new value in a new box, so copies never share a change.
    public var wrappedValue: Wrapped? {
        get { box?.value }
        set { box = newValue.map(IndirectBox.init) }
    }
}

extension IndirectOptional: Equatable where Wrapped: Equatable {
    /// Equal when both are `nil` or the boxed values are equal.
    public static func == (lhs: IndirectOptional, rhs: IndirectOptional) -> Bool {
        lhs.box === rhs.box || lhs.wrappedValue == rhs.wrappedValue
    }
}

extension IndirectOptional: Hashable where Wrapped: Hashable {
    /// Hashes the value as an optional, as an unwrapped property would.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(wrappedValue)
    }
}

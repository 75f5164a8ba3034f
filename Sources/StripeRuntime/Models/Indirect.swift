/// Stores a value in a shared, immutable box. Generated structs hold every nested struct this way, so a struct's
/// own layout stays a row of references however deep its fields go (copies stay cheap, and the compiler's copy code
/// stays small), and a struct can hold a value that contains the struct itself. Reads and writes look like a plain
/// property.
@propertyWrapper
public struct Indirect<Value: Sendable>: Sendable {
    private var box: IndirectBox<Value>

    /// Boxes `wrappedValue`.
    public init(wrappedValue: Value) {
        box = IndirectBox(wrappedValue)
    }

    /// The boxed value; setting it puts the new value in a new box, so copies never share a change.
    public var wrappedValue: Value {
        get { box.value }
        set { box = IndirectBox(newValue) }
    }
}

extension Indirect: Equatable where Value: Equatable {
    /// Equal when the boxed values are equal.
    public static func == (lhs: Indirect, rhs: Indirect) -> Bool {
        lhs.box === rhs.box || lhs.box.value == rhs.box.value
    }
}

extension Indirect: Hashable where Value: Hashable {
    /// Hashes the boxed value.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.value)
    }
}

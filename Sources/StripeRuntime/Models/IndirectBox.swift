/// The immutable heap cell behind ``Indirect`` and ``IndirectOptional``: a change makes a new cell, so copies of a
/// struct that share one never see each other's changes.
final class IndirectBox<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

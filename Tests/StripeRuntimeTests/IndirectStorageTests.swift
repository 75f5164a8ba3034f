import StripeRuntime
import Testing

/// `Indirect` and `IndirectOptional` behave like the plain property they wrap: copies are independent, equality and
/// hashing follow the value, and an absent optional is `nil`.
@Suite struct IndirectStorageTests {
    struct Inner: Hashable, Sendable {
        var size: Int
    }

    struct Outer: Hashable, Sendable {
        @Indirect var required: Inner
        @IndirectOptional var optional: Inner?
    }

    @Test func aCopyDoesNotSeeTheOriginalsChanges() {
        var original = Outer(required: Inner(size: 1), optional: Inner(size: 2))
        let copy = original
        original.required.size = 10
        original.optional?.size = 20
        #expect(copy.required.size == 1)
        #expect(copy.optional?.size == 2)
        #expect(original.required.size == 10)
        #expect(original.optional?.size == 20)
    }

    @Test func optionalStartsAbsentAndCanBeSetAndCleared() {
        var value = Outer(required: Inner(size: 1), optional: nil)
        #expect(value.optional == nil)
        value.optional = Inner(size: 3)
        #expect(value.optional == Inner(size: 3))
        value.optional = nil
        #expect(value.optional == nil)
    }

    @Test func keyPathsReachTheWrappedValues() {
        var value = Outer(required: Inner(size: 1), optional: nil)
        let optional: WritableKeyPath<Outer, Inner?> = \.optional
        value[keyPath: optional] = Inner(size: 7)
        value[keyPath: \Outer.required.size] = 8
        #expect(value.optional?.size == 7)
        #expect(value.required.size == 8)
    }

    @Test func equalityAndHashingFollowTheValuesNotTheBoxes() {
        let first = Outer(required: Inner(size: 1), optional: Inner(size: 2))
        let second = Outer(required: Inner(size: 1), optional: Inner(size: 2))
        let different = Outer(required: Inner(size: 1), optional: nil)
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(first != different)
        #expect(Set([first, second, different]).count == 2)
    }

    @Test func anAbsentOptionalHashesLikeAPlainNil() {
        var plain = Hasher()
        plain.combine(Inner?.none)
        var boxed = Hasher()
        boxed.combine(IndirectOptional<Inner>(wrappedValue: nil))
        #expect(plain.finalize() == boxed.finalize())
    }
}

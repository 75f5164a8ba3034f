@testable import CheckoutWorkflows
import Testing

@Suite("Idempotency keys derived from orders")
struct IdempotencyKeyTests {
    @Test("a short plain reference is written as it is")
    func plain() throws {
        let key = IdempotencyKey.make("checkout-session", order: try OrderReference("order_42.a-b~c"), "abc", "1")
        #expect(key == "checkout-session:order_42.a-b~c:abc:1")
    }

    @Test("long, non-ASCII or punctuated references become a digest: header-safe, at most 255 characters, stable",
          arguments: [String(repeating: "ü", count: 200), String(repeating: "x", count: 200), "a:b", "order #1", "ä b"])
    func digested(reference: String) throws {
        let order = try OrderReference(reference)
        let key = IdempotencyKey.make("checkout-session", order: order, String(repeating: "f", count: 32), "999")
        #expect(key.utf8.count <= IdempotencyKey.maxLength)
        #expect(key.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "printable ASCII only: \(key)")
        #expect(key == IdempotencyKey.make("checkout-session", order: order, String(repeating: "f", count: 32), "999"))
        #expect(key.contains("sha256-"))
    }

    @Test("different references never share a digest-free key")
    func distinct() throws {
        let a = IdempotencyKey.make("p", order: try OrderReference("a:b"), "1")
        let b = IdempotencyKey.make("p", order: try OrderReference("a;b"), "1")
        #expect(a != b)
    }
}

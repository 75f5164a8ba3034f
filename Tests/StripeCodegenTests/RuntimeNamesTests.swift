@testable import StripeCodegen
import Testing

/// The runtime symbols generated code calls are reserved: a schema named like one gets another name, and the
/// printed code still calls the runtime's.
@Suite struct RuntimeNamesTests {
    @Test func everyRuntimeNameIsReserved() {
        for name in RuntimeNames.all + [RuntimeNames.bindings, RuntimeNames.webhookEvent] {
            #expect(NameTable.reserved.contains(name), "\(name) is not reserved")
        }
    }

    @Test(arguments: [("field_key", "FieldKeyObject"), ("indirect", "IndirectObject"),
                      ("stripe_enum", "StripeEnumObject"), ("webhook_event", "WebhookEventObject")])
    func aSchemaNamedLikeARuntimeSymbolIsRenamed(schema: String, swiftName: String) throws {
        let yaml = Generation.spec(schemas: """
            \(schema):
              type: object
              properties:
                name:
                  type: string
                status:
                  type: string
                  enum: [open, closed]
        """)
        let files = try Generation.files(yaml)
        let model = try Generation.file("Models/\(swiftName).swift", in: files)
        #expect(model.contains("struct \(swiftName): Codable, Hashable, Sendable"))
        #expect(model.contains("keyedBy: \(RuntimeNames.fieldKey).self"))
        #expect(model.contains(": \(RuntimeNames.stripeEnum)"))
    }
}

/// Prints `WebhookEvent`: an event whose object is decoded to the generated type its event type names.
struct EventRenderer {
    let access: String

    func render(_ events: [EventCaseIR], into printer: inout CodePrinter) {
        printer.doc(["A webhook event, with its object decoded to the type its event type carries.",
                     "", "Event types this version does not know decode as `Payload.unrecognized`, and a known type whose object does not",
                     "decode as `Payload.undecodable`, never as an error."])
        printer.block("\(access)struct \(RuntimeNames.webhookEvent): Decodable, Hashable, Sendable, \(RuntimeNames.identifiable)") { body in
            for (name, type, doc) in [("id", "String", "The event's id, the key to deduplicate deliveries by."),
                                      ("type", "String", "The event type, e.g. `checkout.session.completed`."),
                                      ("created", "Date", "When the event happened."),
                                      ("livemode", "Bool", "Whether the event comes from live mode."),
                                      ("apiVersion", "String?", "The API version the object was rendered with (the endpoint's, which may differ from the bindings')."),
                                      ("account", "String?", "The connected account the event belongs to."),
                                      ("data", "Payload", "The object the event carries, typed."),
                                      ("previousAttributes", "[String: \(RuntimeNames.jsonValue)]?", "For update events: the fields' values before the change.")] {
                body.doc([doc])
                body.line("\(access)var \(name): \(type)")
            }
            body.line()
            body.doc(["The object an event carries, one case per known event type."])
            body.block("\(access)indirect enum Payload: Hashable, Sendable") { payload in
                for event in events {
                    payload.doc(["`\(event.eventType)`."])
                    payload.line("case \(event.caseName)(\(event.object.swift))")
                }
                payload.doc(["An event type this version does not know, with its object as JSON."])
                payload.line("case unrecognized(type: String, object: \(RuntimeNames.jsonValue))")
                payload.doc(["A known event type whose object does not decode (say an API version that changed a field's",
                             "type, or a required field absent under strict decoding): its object as JSON and why, so the",
                             "event can still be acknowledged."])
                payload.line("case undecodable(type: String, object: \(RuntimeNames.jsonValue), reason: String)")
            }
            body.line()
            body.block("enum CodingKeys: String, CodingKey") { keys in
                keys.line("case id, type, created, livemode, account, data")
                keys.line("case apiVersion = \"api_version\"")
            }
            body.line()
            body.block("enum DataKeys: String, CodingKey") { keys in
                keys.line("case object")
                keys.line("case previousAttributes = \"previous_attributes\"")
            }
            body.line()
            body.block("\(access)init(from decoder: any Decoder) throws") { decode in
                decode.line("let container = try decoder.container(keyedBy: CodingKeys.self)")
                decode.line("id = try container.decode(String.self, forKey: .id)")
                decode.line("type = try container.decode(String.self, forKey: .type)")
                decode.line("created = try container.decodeUnixTime(forKey: .created)")
                decode.line("livemode = try container.decode(Bool.self, forKey: .livemode)")
                decode.line("apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion)")
                decode.line("account = try container.decodeIfPresent(String.self, forKey: .account)")
                decode.line("let payload = try container.nestedContainer(keyedBy: DataKeys.self, forKey: .data)")
                decode.line("previousAttributes = try payload.decodeIfPresent([String: \(RuntimeNames.jsonValue)].self, forKey: .previousAttributes)")
                decode.line("do {")
                decode.line("    switch type {")
                for event in events {
                    decode.line("    case \(SwiftNames.literal(event.eventType)):")
                    decode.line("        data = .\(SwiftNames.bare(event.caseName))(try payload.decode(\(event.object.swift).self, forKey: .object))")
                }
                decode.line("    default:")
                decode.line("        data = .unrecognized(type: type, object: try payload.decode(\(RuntimeNames.jsonValue).self, forKey: .object))")
                decode.line("    }")
                decode.line("} catch {")
                decode.line("    // The event's id, type and version are read; keep its object as JSON rather than fail the delivery.")
                decode.line("    let object = try payload.decode(\(RuntimeNames.jsonValue).self, forKey: .object)")
                decode.line("    data = .undecodable(type: type, object: object, reason: String(describing: error))")
                decode.line("}")
            }
        }
        printer.line()
        printer.block("extension \(RuntimeNames.webhookVerifier)") { body in
            body.doc(["Verifies a delivery's `Stripe-Signature` header and decodes the typed event.",
                      "", "Throws the verifier's error for a missing, malformed or wrong signature, a stale timestamp, or an API",
                      "version the verifier does not take."])
            body.block("\(access)func verifyEvent(payload: Data, signatureHeader: String) throws -> \(RuntimeNames.webhookEvent)") { verify in
                verify.line("try verifyAndDecode(payload: payload, signatureHeader: signatureHeader, as: \(RuntimeNames.webhookEvent).self)")
            }
        }
    }
}

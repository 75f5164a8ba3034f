#if Emulator
import Foundation
import StripeRuntime

/// One HTTP request as the emulator sees it, independent of the server library.
struct EmulatorRequest: Sendable {
    var method: String
    /// The path without the query string, e.g. `/v1/checkout/sessions`.
    var path: String
    /// The raw query string, without `?`.
    var query: String
    var headers: HTTPHeaders
    var body: Data

    /// The body read as form fields.
    var formFields: [FormField] { FormBody.parse(String(decoding: body, as: UTF8.self)) }
    /// The query string read as form fields.
    var queryFields: [FormField] { FormBody.parse(query) }
}

/// What the emulator answers.
struct EmulatorResponse: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: Data

    init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON answer.
    static func json(_ status: Int, _ body: Data) -> EmulatorResponse {
        EmulatorResponse(status: status, headers: ["Content-Type": "application/json"], body: body)
    }
}

/// What the server does with a request once the emulator has looked at it.
enum EmulatorOutcome: Sendable {
    /// Write this answer.
    case respond(EmulatorResponse)
    /// Close the connection without answering.
    case drop
}
#endif

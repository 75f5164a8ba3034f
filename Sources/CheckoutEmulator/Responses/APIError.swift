#if Emulator
import Foundation

/// An error answer in Stripe's shape: `{"error": {"type", "message", "code"?, "param"?}}` with
/// the HTTP status it travels with.
struct APIError: Error, Sendable, Hashable {
    var status: Int
    var type: String
    var message: String
    var code: String?
    var param: String?
    var headers: [String: String] = [:]

    /// A 400 `invalid_request_error`.
    static func invalidRequest(_ message: String, param: String? = nil, code: String? = nil) -> APIError {
        APIError(status: 400, type: "invalid_request_error", message: message, code: code, param: param)
    }

    /// A parameter that breaks the spec, with the failure's code.
    static func invalid(_ failure: ValidationFailure) -> APIError {
        .invalidRequest(failure.message, param: failure.param, code: failure.code)
    }

    /// A 404 for an id the emulator does not hold.
    static func missing(_ object: String, _ id: String, param: String) -> APIError {
        APIError(status: 404, type: "invalid_request_error", message: "No such \(object): '\(id)'",
                 code: "resource_missing", param: param)
    }

    /// The JSON body.
    var body: Data {
        var fields: [String: String] = ["type": type, "message": message]
        if let code { fields["code"] = code }
        if let param { fields["param"] = param }
        return (try? JSONEncoder.emulator.encode(["error": fields])) ?? Data()
    }

    /// The whole answer.
    var response: EmulatorResponse {
        var response = EmulatorResponse.json(status, body)
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { response.headers[name] = value }
        return response
    }
}

extension JSONEncoder {
    /// The encoder for every JSON the emulator writes: stable key order, slashes unescaped.
    static var emulator: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
#endif

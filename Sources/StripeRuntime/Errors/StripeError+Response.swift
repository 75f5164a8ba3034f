import Foundation

extension StripeError {
    /// The error for a non-success answer: Stripe's error body when it parses, otherwise the status
    /// with an excerpt of whatever came back.
    static func api(status: Int, headers: HTTPHeaders, body: Data) -> StripeError {
        let requestID = headers["Request-Id"]
        let shouldRetry = headers["Stripe-Should-Retry"].flatMap(Bool.init)
        if let envelope = try? JSONDecoder().decode(ErrorEnvelope.self, from: body) {
            let error = envelope.error
            return StripeError(
                kind: .api,
                message: error.message ?? "Stripe returned status \(status)",
                httpStatus: status,
                requestID: requestID,
                details: StripeAPIErrorDetails(
                    type: error.type.map(StripeErrorType.init(rawValue:)),
                    code: error.code,
                    param: error.param,
                    declineCode: error.declineCode,
                    docURL: error.docURL
                ),
                shouldRetry: shouldRetry
            )
        }
        return StripeError(
            kind: .api,
            message: "Stripe returned status \(status) with a body that is not an error object",
            httpStatus: status,
            requestID: requestID,
            shouldRetry: shouldRetry,
            bodyExcerpt: BodyExcerpt.make(body)
        )
    }

    /// The error for a success answer whose body does not decode as the expected type.
    static func decoding(_ error: any Error, status: Int?, requestID: String?, body: Data) -> StripeError {
        let path: [any CodingKey]
        let reason: String
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            path = context.codingPath
            reason = context.debugDescription
        case DecodingError.keyNotFound(let key, let context):
            path = context.codingPath + [key]
            reason = "Missing field \"\(key.stringValue)\""
        default:
            path = []
            reason = String(describing: error)
        }
        return StripeError(
            kind: .decoding,
            message: "Could not decode the response: \(reason)",
            httpStatus: status,
            requestID: requestID,
            codingPath: CodingPathText.render(path),
            bodyExcerpt: BodyExcerpt.make(body)
        )
    }
}

/// Stripe's error body: `{"error": {"type": ..., "code": ..., ...}}`.
private struct ErrorEnvelope: Decodable {
    struct Body: Decodable {
        let type: String?
        let code: String?
        let param: String?
        let message: String?
        let declineCode: String?
        let docURL: String?

        enum CodingKeys: String, CodingKey {
            case type, code, param, message
            case declineCode = "decline_code"
            case docURL = "doc_url"
        }
    }

    let error: Body
}

/// A short, printable beginning of a response body.
enum BodyExcerpt {
    /// At most `limit` characters of `body`, read as UTF-8, with control characters flattened.
    static func make(_ body: Data, limit: Int = 200) -> String {
        let text = String(decoding: body.prefix(limit * 4), as: UTF8.self)
        let cleaned = text.prefix(limit).map { $0.isNewline || $0 == "\t" ? " " : $0 }
        return String(cleaned)
    }
}

/// Renders a coding path as `data[0].customer.id`.
enum CodingPathText {
    static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}

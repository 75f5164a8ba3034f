import Foundation

extension StripeClient {
    /// Builds the request for one operation: parameters in the query for GET, DELETE and HEAD, in a form
    /// body for POST, PUT and PATCH; authorization, version, agent, account and idempotency headers.
    /// `apiVersion` is the version generated bindings were made for; the client's configured version wins.
    func makeRequest(
        _ method: HTTPMethod,
        _ path: String,
        fields: [FormField],
        options: RequestOptions,
        apiVersion: String? = nil
    ) throws -> HTTPRequest {
        let encoded = FormBody.serialize(fields)
        var address = configuration.baseURL.absoluteString
        while address.hasSuffix("/") { address.removeLast() }
        address += path.hasPrefix("/") ? path : "/" + path
        let body: Data?
        if method.sendsFormBody {
            body = Data(encoded.utf8)
        } else {
            body = nil
            if !encoded.isEmpty { address += (address.contains("?") ? "&" : "?") + encoded }
        }
        guard let url = URL(string: address) else {
            throw StripeError(kind: .invalidParameter, message: "Cannot form a request URL for path \(path)")
        }

        var headers = HTTPHeaders()
        headers["Authorization"] = "Bearer \((options.secretKey ?? secretKey).rawValue)"
        headers["User-Agent"] = configuration.userAgent
        headers["Accept"] = "application/json"
        if let version = configuration.apiVersion ?? apiVersion { headers["Stripe-Version"] = version }
        if let account = options.stripeAccount { headers["Stripe-Account"] = account }
        if method.sendsFormBody {
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Idempotency-Key"] = options.idempotencyKey ?? UUID().uuidString.lowercased()
        } else if let key = options.idempotencyKey {
            headers["Idempotency-Key"] = key
        }
        try HeaderValueCheck.check(headers)
        return HTTPRequest(
            method: method,
            url: url,
            headers: headers,
            body: body,
            timeout: options.timeout ?? configuration.timeout
        )
    }
}

import Foundation
import Logging

extension StripeClient {
    /// Performs one API operation: checks `params`, sends them (retrying what is safe to retry,
    /// with the same idempotency key every time) and decodes the answer as `Response`.
    ///
    /// Throws `StripeError`: `invalidParameter` before anything is sent, `api` for Stripe's error
    /// answers, `connection`/`timeout` once retries are used up, `decoding` for unexpected bodies.
    /// The request is traced and counted under `operation` (see <doc:Observability>).
    public func perform<Params: StripeParams, Response: Decodable & Sendable>(
        _ method: HTTPMethod,
        _ path: String,
        params: Params,
        options: RequestOptions = RequestOptions(),
        apiVersion: String? = nil,
        operation: StripeOperation = .unnamed,
        as: Response.Type = Response.self
    ) async throws -> Response {
        let response = try await send(method, path, params: params, options: options, apiVersion: apiVersion,
                                      operation: operation)
        do {
            return try JSONDecoder(requiredFields: configuration.requiredFields).decode(Response.self, from: response.body)
        } catch {
            throw StripeError.decoding(
                error, status: response.status, requestID: response.headers["Request-Id"], body: response.body
            ).redacting(secretKey)
        }
    }

    /// Sends one operation and returns the successful raw answer, retrying as `perform` does.
    public func send<Params: StripeParams>(
        _ method: HTTPMethod,
        _ path: String,
        params: Params,
        options: RequestOptions = RequestOptions(),
        apiVersion: String? = nil,
        operation: StripeOperation = .unnamed
    ) async throws -> HTTPResponse {
        try params.validate()
        let fields: [FormField]
        do {
            fields = try FormEncoder().encode(params)
        } catch let error as StripeError {
            throw error
        } catch {
            throw StripeError(kind: .invalidParameter, message: "Parameters could not be encoded: \(error)")
        }
        let request = try makeRequest(method, path, fields: fields, options: options, apiVersion: apiVersion)
        let maxRetries = max(0, options.maxNetworkRetries ?? configuration.maxNetworkRetries)
        let telemetry = configuration.telemetry
        return try await telemetry.withSpan(operation.name, ofKind: .client) { span in
            let telemetry = RequestTelemetry(operation, request: request, span: span, telemetry: telemetry)
            return try await sendWithRetries(request, path: path, maxRetries: maxRetries, telemetry: telemetry)
        }
    }

    private func sendWithRetries(
        _ request: HTTPRequest, path: String, maxRetries: Int, telemetry: RequestTelemetry
    ) async throws -> HTTPResponse {
        let logger = configuration.logger
        let redact = secretInUse(for: request)
        var retry = 0
        while true {
            try Task.checkCancellation()
            var metadata: Logger.Metadata = ["method": "\(request.method.rawValue)", "path": "\(path)"]
            if retry > 0 { metadata["retry"] = "\(retry)" }
            logger.debug("Stripe request", metadata: metadata)

            let response: HTTPResponse
            do {
                response = try await transport.send(request)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                let failure = ((error as? StripeError) ?? .connection(String(describing: error))).redacting(redact)
                guard RetryDecision.shouldRetry(failure), retry < maxRetries else {
                    logger.info("Stripe request failed", metadata: metadata.merging(["error": "\(failure.kind)"]) { $1 })
                    telemetry.finish(status: nil, requestID: nil, attempts: retry + 1)
                    throw failure
                }
                retry += 1
                telemetry.retrying(retry, reason: "\(failure.kind)")
                try await wait(before: retry, retryAfter: nil, reason: "\(failure.kind)", metadata: metadata)
                continue
            }

            metadata["status"] = "\(response.status)"
            if let requestID = response.headers["Request-Id"] { metadata["request_id"] = "\(requestID)" }
            if (200..<300).contains(response.status) {
                logger.debug("Stripe response", metadata: metadata)
                telemetry.finish(status: response.status, requestID: response.headers["Request-Id"], attempts: retry + 1)
                return response
            }
            let failure = StripeError.api(status: response.status, headers: response.headers, body: response.body)
            guard RetryDecision.shouldRetry(status: response.status, headers: response.headers, errorCode: failure.code),
                  retry < maxRetries else {
                logger.info("Stripe error response", metadata: metadata)
                telemetry.finish(status: response.status, requestID: response.headers["Request-Id"], attempts: retry + 1)
                throw failure.redacting(redact)
            }
            retry += 1
            telemetry.retrying(retry, reason: "status \(response.status)")
            let retryAfter = RetryDecision.retryAfter(response.headers, limit: configuration.backoff.maxRetryAfter)
            try await wait(before: retry, retryAfter: retryAfter, reason: "status \(response.status)", metadata: metadata)
        }
    }

    /// The key whose raw text must not leak into errors for this request.
    private func secretInUse(for request: HTTPRequest) -> SecretKey {
        let bearer = request.headers["Authorization"]?.dropFirst("Bearer ".count) ?? ""
        return SecretKey(String(bearer))
    }

    private func wait(before retry: Int, retryAfter: Duration?, reason: String, metadata: Logger.Metadata) async throws {
        let delay = configuration.backoff.delay(forRetry: retry, retryAfter: retryAfter, random: configuration.random())
        var metadata = metadata
        metadata["retry"] = "\(retry)"
        metadata["reason"] = "\(reason)"
        metadata["delay"] = "\(delay)"
        configuration.logger.info("Retrying Stripe request", metadata: metadata)
        try await configuration.sleep(delay)
    }
}

extension StripeError {
    /// A copy whose texts no longer contain `secret`.
    func redacting(_ secret: SecretKey) -> StripeError {
        StripeError(
            kind: kind,
            message: message.redacting(secret),
            httpStatus: httpStatus,
            requestID: requestID,
            details: details,
            shouldRetry: shouldRetry,
            codingPath: codingPath,
            parameterPath: parameterPath,
            bodyExcerpt: bodyExcerpt?.redacting(secret)
        )
    }
}

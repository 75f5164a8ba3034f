#if Emulator
/// A `created` list filter: `created=<unix time>` for one second, or bounds `created[gt]`, `[gte]`, `[lt]`, `[lte]`.
struct CreatedRange: Sendable, Hashable {
    var greaterThan: Int?
    var greaterThanOrEqual: Int?
    var lessThan: Int?
    var lessThanOrEqual: Int?

    /// Reads the `created` part of a query; a value that is not an integer is an `invalid_request_error` naming it.
    init(_ tree: FormTree) throws(APIError) {
        if let text = tree.string {
            let time = try Self.integer(text, param: "created")
            greaterThanOrEqual = time
            lessThanOrEqual = time
            return
        }
        guard case .object(let children) = tree else {
            throw APIError.invalidRequest("Invalid created: must be an integer or a range of gt, gte, lt, lte.",
                                          param: "created")
        }
        for (key, child) in children {
            let param = "created[\(key)]"
            guard let text = child.string else {
                throw APIError.invalidRequest("Invalid integer: \(param) must be an integer.", param: param)
            }
            let value = try Self.integer(text, param: param)
            switch key {
            case "gt": greaterThan = value
            case "gte": greaterThanOrEqual = value
            case "lt": lessThan = value
            case "lte": lessThanOrEqual = value
            default: throw APIError.invalidRequest("Received unknown parameter: \(param)", param: param)
            }
        }
    }

    /// Whether the unix time `time` is inside every bound given.
    func contains(_ time: Int) -> Bool {
        if let greaterThan, time <= greaterThan { return false }
        if let greaterThanOrEqual, time < greaterThanOrEqual { return false }
        if let lessThan, time >= lessThan { return false }
        if let lessThanOrEqual, time > lessThanOrEqual { return false }
        return true
    }

    private static func integer(_ text: String, param: String) throws(APIError) -> Int {
        guard let value = Int(text) else {
            throw APIError.invalidRequest("Invalid integer: \(text)", param: param)
        }
        return value
    }
}
#endif

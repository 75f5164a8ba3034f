#if Emulator
/// A request parameter that breaks the operation's schema, reported as Stripe does: a message, the
/// parameter's name in bracket syntax, and an error code.
struct ValidationFailure: Error, Sendable, Hashable {
    /// The offending parameter, e.g. `line_items[0][quantity]`.
    var param: String
    /// What is wrong with it.
    var message: String
    /// Stripe's code for it: `parameter_missing`, `parameter_unknown`, or `parameter_invalid` for a bad value.
    var code = "parameter_invalid"

    init(_ path: ParamPath, _ message: String) {
        self.param = path.description
        self.message = message
    }

    init(param: String, message: String) {
        self.param = param
        self.message = message
    }

    static func unknown(_ path: ParamPath) -> ValidationFailure {
        var failure = ValidationFailure(path, "Received unknown parameter: \(path)")
        failure.code = "parameter_unknown"
        return failure
    }

    static func missing(_ path: ParamPath) -> ValidationFailure {
        var failure = ValidationFailure(path, "Missing required param: \(path).")
        failure.code = "parameter_missing"
        return failure
    }
}
#endif

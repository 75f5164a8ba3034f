/// A request parameter that breaks the operation's schema, reported as Stripe does: a message and
/// the parameter's name in bracket syntax.
struct ValidationFailure: Error, Sendable, Hashable {
    /// The offending parameter, e.g. `line_items[0][quantity]`.
    var param: String
    /// What is wrong with it.
    var message: String

    init(_ path: ParamPath, _ message: String) {
        self.param = path.description
        self.message = message
    }

    init(param: String, message: String) {
        self.param = param
        self.message = message
    }

    static func unknown(_ path: ParamPath) -> ValidationFailure {
        ValidationFailure(path, "Received unknown parameter: \(path)")
    }

    static func missing(_ path: ParamPath) -> ValidationFailure {
        ValidationFailure(path, "Missing required param: \(path).")
    }
}

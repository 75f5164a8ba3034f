import CLibYAMLFloor

/// Why the bare libyaml pass stopped, with the offset libyaml had reached.
public struct LibYAMLFloorError: Error, CustomStringConvertible, Sendable {
    public let reason: String
    public let offset: Int

    public var description: String { "libyaml floor pass: \(reason) at byte \(offset)" }
}

/// A bare libyaml pass over a document: every event parsed and deleted, nothing built. The baseline that the
/// parse and generation benchmarks are ratios of; returns how many events there were.
public func libYAMLFloorPass(_ bytes: [UInt8]) throws(LibYAMLFloorError) -> Int {
    let outcome = bytes.withUnsafeBufferPointer { input -> Result<Int, LibYAMLFloorError> in
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .failure(LibYAMLFloorError(reason: "cannot initialize", offset: 0)) }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, input.baseAddress, input.count)
        var events = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(LibYAMLFloorError(reason: "syntax error", offset: Int(parser.problem_offset)))
            }
            let type = event.type
            yaml_event_delete(&event)
            events += 1
            if type == YAML_STREAM_END_EVENT { return .success(events) }
        }
    }
    return try outcome.get()
}

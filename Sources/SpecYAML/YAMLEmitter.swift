import CYAML

/// Writes a node tree back to YAML text with libyaml's emitter: block style, unlimited width, UTF-8.
/// The output depends only on the tree, so emitting the same tree twice gives the same bytes.
public enum YAMLEmitter {
    /// Emits `node` as a single YAML document.
    public static func emit(_ node: YAMLNode) throws(YAMLError) -> String {
        let writer = EventWriter()
        do {
            try writer.write { event in yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING) }
            try writer.write { event in yaml_document_start_event_initialize(&event, nil, nil, nil, 1) }
            try emitNode(node, into: writer)
            try writer.write { event in yaml_document_end_event_initialize(&event, 1) }
            try writer.write { event in yaml_stream_end_event_initialize(&event) }
        } catch {
            throw YAMLError(path: "<emitter>", mark: node.mark, message: error.message)
        }
        return String(decoding: writer.output, as: UTF8.self)
    }

    private static func emitNode(_ node: YAMLNode, into writer: EventWriter) throws(EventWriter.Failure) {
        switch node.content {
        case .scalar(let scalar):
            try emitScalar(scalar, into: writer)
        case .sequence(let items):
            try writer.write { event in
                yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE)
            }
            for item in items { try emitNode(item, into: writer) }
            try writer.write { event in yaml_sequence_end_event_initialize(&event) }
        case .mapping(let pairs):
            try writer.write { event in
                yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE)
            }
            for pair in pairs {
                try emitNode(pair.key, into: writer)
                try emitNode(pair.value, into: writer)
            }
            try writer.write { event in yaml_mapping_end_event_initialize(&event) }
        }
    }

    private static func emitScalar(_ scalar: YAMLScalar, into writer: EventWriter) throws(EventWriter.Failure) {
        let style: yaml_scalar_style_t
        switch scalar.style {
        case .plain: style = YAML_PLAIN_SCALAR_STYLE
        case .singleQuoted: style = YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted: style = YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .literal: style = YAML_LITERAL_SCALAR_STYLE
        case .folded: style = YAML_FOLDED_SCALAR_STYLE
        }
        // A trailing NUL keeps the buffer non-empty, so an empty scalar still has a valid pointer.
        var bytes = Array(scalar.text.utf8)
        let length = Int32(bytes.count)
        bytes.append(0)
        try writer.write { event in
            bytes.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return yaml_scalar_event_initialize(&event, nil, nil, base, length, 1, 1, style)
            }
        }
    }
}

/// Owns a libyaml emitter and collects what it writes.
private final class EventWriter {
    struct Failure: Error { var message: String }

    private var emitter = yaml_emitter_t()
    private(set) var output: [UInt8] = []

    init() {
        yaml_emitter_initialize(&emitter)
        yaml_emitter_set_unicode(&emitter, 1)
        yaml_emitter_set_width(&emitter, -1)
        yaml_emitter_set_indent(&emitter, 2)
        yaml_emitter_set_output(&emitter, { context, buffer, size in
            guard let context, let buffer else { return 0 }
            let writer = Unmanaged<EventWriter>.fromOpaque(context).takeUnretainedValue()
            writer.output.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        yaml_emitter_delete(&emitter)
    }

    /// Builds one event with `initialize` and emits it; libyaml takes ownership of the event.
    func write(_ initialize: (inout yaml_event_t) -> Int32) throws(Failure) {
        var event = yaml_event_t()
        guard initialize(&event) == 1 else { throw Failure(message: "could not build a YAML event") }
        guard yaml_emitter_emit(&emitter, &event) == 1 else {
            let problem = emitter.problem.map { String(cString: $0) } ?? "the YAML emitter failed"
            throw Failure(message: problem)
        }
    }
}

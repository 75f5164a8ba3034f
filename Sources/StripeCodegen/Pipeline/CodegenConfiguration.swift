import Foundation
import SpecYAML
import StripeSpec

/// The settings of a `stripe-codegen.yaml` file: access level, which operations and schemas to generate, and
/// Swift type names chosen by hand. Every value remembers where it was written, so mistakes point at their line.
///
/// ```yaml
/// access: internal
/// operations: [/v1/checkout/sessions, GetCheckoutSessionsSession]
/// schemas: [event]
/// typeNames:
///   checkout.session: Session
/// overlays: [overlays/checkout-list-filters.yaml]
/// ```
public struct CodegenConfiguration: Sendable {
    /// A value and the place it was written.
    public struct Located: Sendable, Hashable {
        /// The value as written.
        public var value: String
        /// Where it was written, for diagnostics.
        public var location: SourceLocation
    }

    /// The settings a file may have.
    public static let keys = ["access", "operations", "schemas", "typeNames", "overlays"]

    /// The file the settings were read from.
    public var path: String
    /// `access`, when the file sets it.
    public var access: GeneratorOptions.Access?
    /// `operations`: path globs or operationIds; `nil` when the file does not restrict operations.
    public var operations: [Located]?
    /// `schemas`: component schemas generated with the kept operations.
    public var schemas: [Located] = []
    /// Swift type names by component schema name, in the file's order.
    public var typeNames: [(schema: Located, name: Located)] = []
    /// `overlays`: OpenAPI Overlay files applied to the spec before it is read, in order, as written (relative
    /// to the configuration file's folder unless absolute).
    public var overlays: [Located] = []

    /// The `overlays` files, relative paths resolved against the configuration file's folder.
    public var overlayPaths: [String] {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        return overlays.map { overlay in
            overlay.value.hasPrefix("/") ? overlay.value : folder.appendingPathComponent(overlay.value).path
        }
    }

    /// Reads the configuration file at `path`.
    public static func load(contentsOf path: String) throws(SpecError) -> CodegenConfiguration {
        let root: YAMLNode
        do {
            root = try YAMLLoader.load(contentsOf: path)
        } catch {
            throw SpecError(diagnostics: [Diagnostic(.error, error.message, at: SourceLocation(path: error.path, mark: error.mark))])
        }
        return try read(root, path: path)
    }

    /// Reads a configuration's YAML tree; unknown keys and malformed values are errors at their place.
    public static func read(_ root: YAMLNode, path: String) throws(SpecError) -> CodegenConfiguration {
        var configuration = CodegenConfiguration(path: path)
        var diagnostics = Diagnostics()
        func place(_ node: YAMLNode) -> SourceLocation { SourceLocation(path: path, mark: node.mark) }
        func strings(_ node: YAMLNode, key: String) -> [Located] {
            guard let items = node.items else {
                diagnostics.error("'\(key)' must be a list of strings, not a \(node.kindName)", at: place(node))
                return []
            }
            return items.compactMap { item in
                guard let text = item.string, item.items == nil, item.pairs == nil else {
                    diagnostics.error("'\(key)' entries must be strings", at: place(item))
                    return nil
                }
                return Located(value: text, location: place(item))
            }
        }
        if root.scalar?.isNull == true { return configuration }
        guard let pairs = root.pairs else {
            throw SpecError(diagnostics: [Diagnostic(.error, "the configuration must be a mapping", at: place(root))])
        }
        for pair in pairs {
            let value = pair.value
            switch pair.keyText {
            case "access":
                if let text = value.string, let access = GeneratorOptions.Access(rawValue: text) {
                    configuration.access = access
                } else {
                    diagnostics.error("'access' must be public or internal", at: place(value))
                }
            case "operations":
                configuration.operations = strings(value, key: "operations")
            case "schemas":
                configuration.schemas = strings(value, key: "schemas")
            case "overlays":
                configuration.overlays = strings(value, key: "overlays")
            case "typeNames":
                guard let names = value.pairs else {
                    diagnostics.error("'typeNames' must map schema names to Swift type names", at: place(value))
                    continue
                }
                for name in names {
                    guard let schema = name.keyText, let swiftName = name.value.string, name.value.scalar != nil else {
                        diagnostics.error("'typeNames' entries must be 'schema: TypeName'", at: place(name.value))
                        continue
                    }
                    guard Self.isTypeName(swiftName) else {
                        diagnostics.error("'\(swiftName)' is not a Swift type name", at: place(name.value))
                        continue
                    }
                    configuration.typeNames.append((Located(value: schema, location: place(name.key)),
                                                    Located(value: swiftName, location: place(name.value))))
                }
            default:
                diagnostics.error("unknown setting '\(pair.keyText ?? "?")' (known: \(keys.joined(separator: ", ")))",
                                  at: place(pair.key))
            }
        }
        if diagnostics.hasErrors { throw SpecError(diagnostics: diagnostics.sorted) }
        return configuration
    }

    /// An identifier that starts with a letter or `_` and goes on with letters, digits or `_`.
    public static func isTypeName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || CharacterSet.letters.contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || CharacterSet.alphanumerics.contains($0) }
    }
}

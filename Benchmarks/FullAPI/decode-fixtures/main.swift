// Decodes Stripe's sample object of every resource (fixtures3-*.json, `{"resources": {id: object}}`) into the
// generated model for that resource and prints `decoded: N/TOTAL`, then one line per failure with the coding
// path and what went wrong. Exit status 1 when any resource fails.
//
//   decode-fixtures FIXTURES.json
//
// `ResourceDecoders.swift` (written by Benchmarks/full-api.sh from the spec) maps resource ids to model types.

import Foundation

/// A key of the fixture file's `resources` object: a resource id such as `checkout.session`.
struct ResourceKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// The outcome for one resource.
struct Outcome: Sendable {
    var resource: String
    /// nil when the object decoded.
    var failure: String?
}

/// Decodes each resource in place, so the bytes are exactly Stripe's and coding paths start at the resource.
struct FixtureFile: Decodable {
    var outcomes: [Outcome] = []

    enum TopKey: String, CodingKey { case resources }

    init(from decoder: any Decoder) throws {
        let top = try decoder.container(keyedBy: TopKey.self)
        let resources = try top.nestedContainer(keyedBy: ResourceKey.self, forKey: .resources)
        for key in resources.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            do {
                if try decodeResource(key.stringValue, in: resources, forKey: key) {
                    outcomes.append(Outcome(resource: key.stringValue, failure: nil))
                } else {
                    outcomes.append(Outcome(resource: key.stringValue, failure: "no generated type has this x-resourceId"))
                }
            } catch {
                outcomes.append(Outcome(resource: key.stringValue, failure: describe(error, resource: key.stringValue)))
            }
        }
    }
}

/// `payment_method_details.card.checks` for a coding path below the resource object.
func pathText(_ path: [any CodingKey], resource: String) -> String {
    var components = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
    if components.first == "resources" { components.removeFirst() }
    if components.first == resource { components.removeFirst() }
    var text = ""
    for component in components {
        if component.hasPrefix("[") || text.isEmpty { text += component } else { text += "." + component }
    }
    return text.isEmpty ? "(root)" : text
}

func describe(_ error: any Error, resource: String) -> String {
    guard let error = error as? DecodingError else { return String(describing: error) }
    func context(_ context: DecodingError.Context, _ what: String) -> String {
        var text = "\(what) at \(pathText(context.codingPath, resource: resource)): \(context.debugDescription)"
        if let underlying = context.underlyingError { text += " (\(underlying))" }
        return text
    }
    switch error {
    case .typeMismatch(let type, let c): return context(c, "typeMismatch(\(type))")
    case .valueNotFound(let type, let c): return context(c, "valueNotFound(\(type))")
    case .keyNotFound(let key, let c):
        return context(DecodingError.Context(codingPath: c.codingPath + [key], debugDescription: c.debugDescription,
                                             underlyingError: c.underlyingError), "keyNotFound(\(key.stringValue))")
    case .dataCorrupted(let c): return context(c, "dataCorrupted")
    @unknown default: return String(describing: error)
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: decode-fixtures FIXTURES.json\n".utf8))
    exit(2)
}
let file: FixtureFile
do {
    let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
    file = try JSONDecoder().decode(FixtureFile.self, from: data)
} catch {
    FileHandle.standardError.write(Data("decode-fixtures: cannot read \(arguments[1]): \(error)\n".utf8))
    exit(2)
}
let failures = file.outcomes.filter { $0.failure != nil }
print("decoded: \(file.outcomes.count - failures.count)/\(file.outcomes.count)")
for outcome in failures {
    print("  \(outcome.resource): \(outcome.failure ?? "")")
}
exit(failures.isEmpty ? 0 : 1)

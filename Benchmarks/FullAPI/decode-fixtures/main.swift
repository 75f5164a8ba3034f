// Decodes Stripe's sample object of every resource (fixtures3-*.json, `{"resources": {id: object}}`) into the
// generated model for that resource and prints `decoded: N/TOTAL` and `mapped: N/TOTAL` (resources with a generated
// type), then one line per failure with the coding path and what went wrong, then (tolerant decoding) one line per
// required field a sample lacks, as `absent: resource path`. Exit status 1 when any mapped resource fails.
//
//   decode-fixtures FIXTURES.json [tolerant|strict]      (tolerant by default)
//
// `ResourceDecoders.swift` (written by Benchmarks/full-api.sh from the spec) maps resource ids to model types.

import Foundation
import StripeRuntime

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
    /// Whether a generated type has the resource's id.
    var mapped = true
    /// Paths of the required fields the object lacks (tolerant decoding).
    var absent: [String] = []
}

/// Decodes each resource in place, so the bytes are exactly Stripe's and coding paths start at the resource.
struct FixtureFile: Decodable {
    var outcomes: [Outcome] = []

    enum TopKey: String, CodingKey { case resources }

    init(from decoder: any Decoder) throws {
        let top = try decoder.container(keyedBy: TopKey.self)
        let resources = try top.nestedContainer(keyedBy: ResourceKey.self, forKey: .resources)
        let log = decoder.userInfo[.stripeAbsentFieldLog] as? AbsentFieldLog
        for key in resources.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            let logged = log?.entries.count ?? 0
            do {
                if try decodeResource(key.stringValue, in: resources, forKey: key) {
                    let prefix = "resources.\(key.stringValue)."
                    let absent = (log?.entries.dropFirst(logged) ?? []).map {
                        $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0
                    }
                    outcomes.append(Outcome(resource: key.stringValue, failure: nil, absent: absent))
                } else {
                    outcomes.append(Outcome(resource: key.stringValue, failure: "no generated type has this x-resourceId",
                                            mapped: false))
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
guard arguments.count == 2 || arguments.count == 3,
      let policy = RequiredFieldPolicy(rawValue: arguments.count == 3 ? arguments[2] : "tolerant") else {
    FileHandle.standardError.write(Data("usage: decode-fixtures FIXTURES.json [tolerant|strict]\n".utf8))
    exit(2)
}
let file: FixtureFile
do {
    let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
    file = try JSONDecoder(requiredFields: policy, log: AbsentFieldLog()).decode(FixtureFile.self, from: data)
} catch {
    FileHandle.standardError.write(Data("decode-fixtures: cannot read \(arguments[1]): \(error)\n".utf8))
    exit(2)
}
let mapped = file.outcomes.filter(\.mapped)
let failures = mapped.filter { $0.failure != nil }
print("decoded: \(mapped.count - failures.count)/\(mapped.count)")
print("mapped: \(mapped.count)/\(file.outcomes.count)")
for outcome in failures {
    print("  \(outcome.resource): \(outcome.failure ?? "")")
}
for outcome in file.outcomes.filter({ !$0.mapped }) {
    print("  unmapped: \(outcome.resource)")
}
for outcome in mapped {
    for path in outcome.absent { print("  absent: \(outcome.resource) \(path)") }
}
exit(failures.isEmpty ? 0 : 1)

import Foundation

/// How `stripe-codegen diff` prints its report.
public enum APIDiffFormat: String, Sendable, Hashable, CaseIterable {
    /// One line per change in the `path:line:column: impact: symbol: detail` form compilers use, then a summary.
    case text
    /// One object with `from`, `to`, `summary` and `changes` (see the README's `diff` entry).
    case json
    /// A changelog for a pull request: a section per impact, a table per top-level type.
    case markdown
}

extension APIDiffReport {
    /// The report in `format`, ending with a newline.
    public func rendered(as format: APIDiffFormat) -> String {
        switch format {
        case .text: return text
        case .json: return json
        case .markdown: return markdown
        }
    }

    private var versions: String {
        "\(from.spec) (API \(from.apiVersion)) -> \(to.spec) (API \(to.apiVersion))"
    }

    private var text: String {
        var lines = changes.map { change in
            let place = change.location?.description ?? (change.kind.isRemoval ? from.spec : to.spec)
            return "\(place): \(change.impact.rawValue): \(change.symbol): \(change.detail)"
        }
        lines.append("\(summary) (\(versions))")
        return lines.joined(separator: "\n") + "\n"
    }

    private var markdown: String {
        var lines = ["## Swift API changes: Stripe API \(from.apiVersion) -> \(to.apiVersion)", ""]
        lines.append("`\(from.spec)` -> `\(to.spec)`: \(summary).")
        if changes.isEmpty {
            lines += ["", "No changes to the Swift API."]
        }
        for impact in APIChange.Impact.allCases {
            let ofImpact = changes.filter { $0.impact == impact }
            guard !ofImpact.isEmpty else { continue }
            lines += ["", "### \(impact.heading) (\(ofImpact.count))"]
            var groups: [String] = []
            var byGroup: [String: [APIChange]] = [:]
            for change in ofImpact {
                if byGroup[change.group] == nil { groups.append(change.group) }
                byGroup[change.group, default: []].append(change)
            }
            for group in groups {
                lines += ["", "#### `\(group)`", "", "| Swift | Change | Spec |", "| --- | --- | --- |"]
                for change in byGroup[group] ?? [] {
                    let place = change.location.map { "`\($0)`" } ?? ""
                    lines.append("| `\(change.symbol)` | \(Self.cell(change.detail)) | \(place) |")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Table cells hold no pipes or line breaks.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private var json: String {
        let document = JSONReport(
            from: .init(spec: from.spec, apiVersion: from.apiVersion),
            to: .init(spec: to.spec, apiVersion: to.apiVersion),
            summary: Dictionary(uniqueKeysWithValues: APIChange.Impact.allCases.map { ($0.rawValue, count($0)) }),
            changes: changes.map { change in
                JSONReport.Change(
                    impact: change.impact.rawValue, kind: change.kind.rawValue, symbol: change.symbol,
                    group: change.group, detail: change.detail,
                    location: change.location.map {
                        JSONReport.Location(path: $0.path, line: $0.mark.line, column: $0.mark.column)
                    })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Plain strings, numbers and optionals always encode.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The shape of `--format json`.
private struct JSONReport: Encodable {
    struct Side: Encodable {
        var spec: String
        var apiVersion: String
    }

    struct Location: Encodable {
        var path: String
        var line: Int
        var column: Int
    }

    struct Change: Encodable {
        var impact: String
        var kind: String
        var symbol: String
        var group: String
        var detail: String
        var location: Location?

        // `location` is written as null when unknown, so every change has the same keys.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(impact, forKey: .impact)
            try container.encode(kind, forKey: .kind)
            try container.encode(symbol, forKey: .symbol)
            try container.encode(group, forKey: .group)
            try container.encode(detail, forKey: .detail)
            try container.encode(location, forKey: .location)
        }

        enum CodingKeys: String, CodingKey { case impact, kind, symbol, group, detail, location }
    }

    var from: Side
    var to: Side
    var summary: [String: Int]
    var changes: [Change]
}

extension APIChange.Impact {
    fileprivate var heading: String {
        switch self {
        case .breaking: return "Breaking"
        case .additive: return "Additive"
        case .note: return "Behaviour notes"
        }
    }
}

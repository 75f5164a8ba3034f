/// Turns a spec description into doc-comment lines: first paragraph, tags removed, wrapped.
enum Documentation {
    static func lines(_ description: String?, fallback: String) -> [String] {
        guard let description, !description.isEmpty else { return [fallback] }
        var text = ""
        var insideTag = false
        for character in description {
            if character == "<" { insideTag = true; continue }
            if character == ">" && insideTag { insideTag = false; continue }
            if !insideTag { text.append(character) }
        }
        let paragraph = text.components(separatedBy: "\n\n").first ?? text
        let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard !words.isEmpty else { return [fallback] }
        var lines: [String] = []
        var current = ""
        for word in words {
            if current.count + word.count + 1 > 100, !current.isEmpty {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

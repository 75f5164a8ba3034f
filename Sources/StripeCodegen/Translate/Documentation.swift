/// Turns a spec description into doc-comment lines: first paragraph, tags removed, wrapped.
enum Documentation {
    static func lines(_ description: String?, fallback: String) -> [String] {
        guard let description, !description.isEmpty else { return [fallback] }
        // Tags removed, up to the first blank line (one pass; Foundation's `components(separatedBy:)` was a hot spot).
        var paragraph = ""
        var insideTag = false
        for character in description {
            if character == "<" { insideTag = true; continue }
            if character == ">" && insideTag { insideTag = false; continue }
            if insideTag { continue }
            if character == "\n", paragraph.last == "\n" {
                paragraph.removeLast()
                break
            }
            paragraph.append(character)
        }
        let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard !words.isEmpty else { return [fallback] }
        var lines: [String] = []
        var current = ""
        var currentLength = 0
        for word in words {
            let wordLength = word.count
            if currentLength + wordLength + 1 > 100, !current.isEmpty {
                lines.append(current)
                current = ""
                currentLength = 0
            }
            if current.isEmpty {
                current = String(word)
                currentLength = wordLength
            } else {
                current += " " + word
                currentLength += 1 + wordLength
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// Turns a spec description into doc-comment lines: first paragraph, tags removed, wrapped.
enum Documentation {
    static func lines(_ description: String?, fallback: String) -> [String] {
        guard let description, !description.isEmpty else { return [fallback] }
        if let lines = asciiLines(description, fallback: fallback) { return lines }
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

    /// `lines` on UTF-8 bytes, for descriptions that are ASCII without `\r` (where a byte is a `Character`);
    /// nil otherwise.
    private static func asciiLines(_ description: String, fallback: String) -> [String]? {
        var description = description
        return description.withUTF8 { bytes -> [String]? in
            let less = UInt8(ascii: "<"), greater = UInt8(ascii: ">"), newline = UInt8(ascii: "\n")
            let space = UInt8(ascii: " ")
            var paragraph: [UInt8] = []
            paragraph.reserveCapacity(bytes.count)
            var insideTag = false
            for byte in bytes {
                if byte >= 0x80 || byte == UInt8(ascii: "\r") { return nil }
                if byte == less { insideTag = true; continue }
                if byte == greater && insideTag { insideTag = false; continue }
                if insideTag { continue }
                if byte == newline, paragraph.last == newline {
                    paragraph.removeLast()
                    break
                }
                paragraph.append(byte)
            }
            var lines: [String] = []
            var current: [UInt8] = []
            current.reserveCapacity(128)
            var index = 0
            let count = paragraph.count
            while index < count {
                while index < count, paragraph[index] == space || paragraph[index] == newline { index += 1 }
                guard index < count else { break }
                let start = index
                while index < count, paragraph[index] != space, paragraph[index] != newline { index += 1 }
                let wordLength = index - start
                if current.count + wordLength + 1 > 100, !current.isEmpty {
                    lines.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
                if !current.isEmpty { current.append(space) }
                current.append(contentsOf: paragraph[start..<index])
            }
            if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
            return lines.isEmpty ? [fallback] : lines
        }
    }
}

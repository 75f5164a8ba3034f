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

    /// Whether `lines` surely finds a word before the first blank line, so the fallback is never used; false when
    /// unsure. Reads up to the first word, usually one byte. Only ASCII without `\r` is judged, where bytes are
    /// `Character`s.
    static func surelyHasWords(_ description: String) -> Bool {
        var description = description
        return description.withUTF8 { bytes in
            var insideTag = false
            var previous: UInt8 = 0
            for byte in bytes {
                if byte >= 0x80 || byte == UInt8(ascii: "\r") { return false }
                if byte == UInt8(ascii: "<") { insideTag = true; continue }
                if byte == UInt8(ascii: ">") && insideTag { insideTag = false; continue }
                if insideTag { continue }
                if byte == UInt8(ascii: "\n"), previous == UInt8(ascii: "\n") { return false }
                previous = byte
                if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\n") { return true }
            }
            return false
        }
    }

    /// `lines` on UTF-8 bytes, for descriptions that are ASCII without `\r` (where a byte is a `Character`);
    /// nil otherwise. One pass: tags are skipped and words wrapped as the bytes come, up to the first blank line.
    private static func asciiLines(_ description: String, fallback: String) -> [String]? {
        var description = description
        return description.withUTF8 { bytes -> [String]? in
            let less = UInt8(ascii: "<"), greater = UInt8(ascii: ">"), newline = UInt8(ascii: "\n")
            let space = UInt8(ascii: " "), carriageReturn = UInt8(ascii: "\r")
            // The line being filled never holds more than the description's bytes.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { line -> [String]? in
                var lines: [String] = []
                var count = 0
                // Where the word being read starts in `line`, or -1 between words.
                var wordStart = -1
                // The last byte outside tags: a newline right after a newline (tags between them dropped) ends
                // the paragraph.
                var previous: UInt8 = 0
                func endWord() {
                    guard wordStart >= 0 else { return }
                    // The line held `wordStart - 1` bytes before the space and the word: the same test as `lines`.
                    if wordStart > 0, count > 100 {
                        lines.append(String(decoding: UnsafeBufferPointer(rebasing: line[0..<(wordStart - 1)]), as: UTF8.self))
                        let wordLength = count - wordStart
                        for offset in 0..<wordLength { line[offset] = line[wordStart + offset] }
                        count = wordLength
                    }
                    wordStart = -1
                }
                var insideTag = false
                for byte in bytes {
                    if byte >= 0x80 || byte == carriageReturn { return nil }
                    if byte == less { insideTag = true; continue }
                    if byte == greater && insideTag { insideTag = false; continue }
                    if insideTag { continue }
                    if byte == newline, previous == newline { break }
                    previous = byte
                    if byte == space || byte == newline {
                        endWord()
                        continue
                    }
                    if wordStart < 0 {
                        if count > 0 {
                            line[count] = space
                            count += 1
                        }
                        wordStart = count
                    }
                    line[count] = byte
                    count += 1
                }
                endWord()
                if count > 0 { lines.append(String(decoding: UnsafeBufferPointer(rebasing: line[0..<count]), as: UTF8.self)) }
                return lines.isEmpty ? [fallback] : lines
            }
        }
    }
}

/// Counts lines the way libyaml does, so a chunk parsed on its own can be given its true line numbers.
enum LineBreaks {
    /// The number of line feeds in `range` of `bytes` (a CR LF pair is one break to libyaml too), or nil when the
    /// range holds a break libyaml counts but a line feed count misses: a lone CR, NEL, LS or PS.
    static func count(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress else { return 0 }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        /// The high bit of each zero byte of `word`, exactly (no borrow crosses bytes).
        @inline(__always) func zeros(_ word: UInt64) -> UInt64 { ~(((word & lows) &+ lows) | word) & ~lows }
        var breaks = 0
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            breaks += zeros(word ^ (ones &* 0x0A)).nonzeroBitCount
            // CR, and the last bytes of NEL (C2 85), LS (E2 80 A8) and PS (E2 80 A9): rare, so checked one by one.
            if zeros(word ^ (ones &* 0x0D)) | zeros(word ^ (ones &* 0x85)) | zeros((word | ones) ^ (ones &* 0xA9)) != 0 {
                for offset in index..<index + 8 where isUncountedBreak(bytes, at: offset) { return nil }
            }
            index += 8
        }
        while index < range.upperBound {
            if base[index] == 0x0A { breaks += 1 } else if isUncountedBreak(bytes, at: index) { return nil }
            index += 1
        }
        return breaks
    }

    /// Whether the byte at `offset` ends a line break other than LF and CR LF.
    private static func isUncountedBreak(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        switch bytes[offset] {
        case 0x0D: return offset + 1 >= bytes.count || bytes[offset + 1] != 0x0A
        case 0x85: return offset >= 1 && bytes[offset - 1] == 0xC2
        case 0xA8, 0xA9: return offset >= 2 && bytes[offset - 1] == 0x80 && bytes[offset - 2] == 0xE2
        default: return false
        }
    }
}

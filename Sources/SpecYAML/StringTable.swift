/// Interns scalar texts too long to be small strings while a tree is built: a spec repeats the same keys and values
/// (`additionalProperties`, `x-expandableFields`, `#/components/schemas/...`, common descriptions) thousands of times,
/// so each text is decoded and allocated once and every later occurrence shares that one `String`.
/// Texts of up to 15 bytes are small strings, stored inline without an allocation, so they are not interned.
struct StringTable {
    /// Texts longer than this are decoded every time: long texts are mostly unique, and hashing them costs more.
    static let maximumLength = 96
    /// Texts up to this long are small strings: decoding them allocates nothing, so a lookup would only add work.
    static let smallLength = 15

    /// What a probe compares; kept apart from the strings so a probe touches no reference counts.
    private struct Entry {
        var hash: UInt32
        var length: UInt16
        /// Where the text's bytes start in `bytes`.
        var offset: Int32
    }

    private var entries: [Entry] = []
    private var strings: [String] = []
    /// Open addressing: an index into `entries` plus one, or 0 for an empty slot.
    private var slots: [Int32]
    private var mask: Int
    /// The bytes of every interned text, one after another.
    private var bytes: [UInt8] = []

    init() {
        slots = [Int32](repeating: 0, count: 8192)
        mask = 8192 - 1
        entries.reserveCapacity(4096)
        strings.reserveCapacity(4096)
        bytes.reserveCapacity(256 * 1024)
    }

    /// The text of the `count` UTF-8 bytes at `pointer`.
    mutating func string(_ pointer: UnsafePointer<UInt8>, count: Int) -> String {
        guard count > Self.smallLength, count <= Self.maximumLength else {
            return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
        }
        let hash = Self.hash(pointer, count: count)
        let index = find(pointer, count: count, hash: hash)
        if index >= 0 { return strings[index] }
        return insert(pointer, count: count, hash: hash)
    }

    /// The index of the entry holding these bytes, or -1.
    private func find(_ pointer: UnsafePointer<UInt8>, count: Int, hash: UInt32) -> Int {
        slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                bytes.withUnsafeBufferPointer { stored in
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let index = Int(slots[slot]) - 1
                        if index < 0 { return -1 }
                        let entry = entries[index]
                        if entry.hash == hash, Int(entry.length) == count,
                           Self.equal(stored.baseAddress! + Int(entry.offset), pointer, count: count) {
                            return index
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    private mutating func insert(_ pointer: UnsafePointer<UInt8>, count: Int, hash: UInt32) -> String {
        let buffer = UnsafeBufferPointer(start: pointer, count: count)
        let string = String(decoding: buffer, as: UTF8.self)
        let index = entries.count
        entries.append(Entry(hash: hash, length: UInt16(count), offset: Int32(bytes.count)))
        strings.append(string)
        bytes.append(contentsOf: buffer)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(truncatingIfNeeded: index + 1)
        if entries.count * 2 > slots.count { grow() }
        return string
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        var newSlots = [Int32](repeating: 0, count: capacity)
        let newMask = capacity - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & newMask
            while newSlots[slot] != 0 { slot = (slot + 1) & newMask }
            newSlots[slot] = Int32(truncatingIfNeeded: index + 1)
        }
        slots = newSlots
        mask = newMask
    }

    /// Whether `count` (>= 8) bytes at `lhs` and `rhs` are the same.
    private static func equal(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, count: Int) -> Bool {
        var index = 0
        while index + 8 < count {
            if load64(lhs + index) != load64(rhs + index) { return false }
            index += 8
        }
        return load64(lhs + count - 8) == load64(rhs + count - 8)
    }

    @inline(__always)
    private static func load64(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
    }

    @inline(__always)
    private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let m = (h ^ word).multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
        return m.high ^ m.low
    }

    /// A fast multiplicative hash of `count` (>= 8) bytes, reading words rather than bytes (an overlapping one at
    /// the end, so every byte is read).
    private static func hash(_ pointer: UnsafePointer<UInt8>, count: Int) -> UInt32 {
        var h = UInt64(truncatingIfNeeded: count) &* 0xA076_1D64_78BD_642F
        var index = 0
        while index + 8 < count {
            h = mix(h, load64(pointer + index))
            index += 8
        }
        h = mix(h, load64(pointer + count - 8))
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }
}

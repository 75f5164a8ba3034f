/// Interns scalar texts too long to be small strings while a tree is built: a spec repeats the same keys and values
/// (`additionalProperties`, `x-expandableFields`, `#/components/schemas/...`, common descriptions) thousands of times,
/// so each text is decoded and allocated once and every later occurrence shares that one `String`.
/// Texts of up to 15 bytes are small strings, stored inline without an allocation, so they are not interned.
struct StringTable {
    /// Texts longer than this are decoded every time: long texts are mostly unique, and hashing them costs more.
    static let maximumLength = 96
    /// Texts up to this long are small strings: decoding them allocates nothing, so a lookup would only add work.
    static let smallLength = 15

    /// One slot of the open-addressing table: what a probe compares, and next to it the string a hit returns, so a
    /// lookup touches one slot, the stored bytes, and nothing else but the string it hands out.
    private struct Slot {
        /// 0 for an empty slot; else the hash's high 24 bits, the length (at most `maximumLength`, never 0) and the
        /// offset of the bytes in `bytes`, from the high bits down.
        var key: UInt64
        var string: String
    }

    private var slots: [Slot]
    private var mask: Int
    private var count = 0
    /// The bytes of every interned text, one after another.
    private var bytes: [UInt8] = []

    init() {
        slots = [Slot](repeating: Slot(key: 0, string: ""), count: 8192)
        mask = 8192 - 1
        bytes.reserveCapacity(64 * 1024)
    }

    /// The text of the `count` UTF-8 bytes at `pointer`.
    mutating func string(_ pointer: UnsafePointer<UInt8>, count: Int) -> String {
        guard count > Self.smallLength, count <= Self.maximumLength else {
            return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
        }
        let hash = Self.hash(pointer, count: count)
        let tag = (hash >> 40) << 40 | UInt64(count) << 32
        let (slot, found) = find(pointer, count: count, hash: hash, tag: tag)
        if found { return slots[slot].string }
        let string = String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
        slots[slot] = Slot(key: tag | UInt64(UInt32(truncatingIfNeeded: bytes.count)), string: string)
        bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
        self.count += 1
        if self.count * 2 > slots.count { grow() }
        return string
    }

    /// The slot holding these bytes and true, or the empty slot where they belong and false.
    private func find(_ pointer: UnsafePointer<UInt8>, count: Int, hash: UInt64, tag: UInt64) -> (Int, Bool) {
        slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { stored in
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let key = slots[slot].key
                    if key == 0 { return (slot, false) }
                    if key & 0xFFFF_FFFF_0000_0000 == tag,
                       Self.equal(stored.baseAddress! + Int(UInt32(truncatingIfNeeded: key)), pointer, count: count) {
                        return (slot, true)
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func grow() {
        let old = slots
        let capacity = old.count * 2
        slots = [Slot](repeating: Slot(key: 0, string: ""), count: capacity)
        mask = capacity - 1
        for entry in old where entry.key != 0 {
            var slot = Int(truncatingIfNeeded: hashOf(entry.key)) & mask
            while slots[slot].key != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// The probe start of a stored key, recomputed from its bytes.
    private func hashOf(_ key: UInt64) -> UInt64 {
        let offset = Int(UInt32(truncatingIfNeeded: key))
        let length = Int((key >> 32) & 0xFF)
        return bytes.withUnsafeBufferPointer { stored in Self.hash(stored.baseAddress! + offset, count: length) }
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
    private static func hash(_ pointer: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var h = UInt64(truncatingIfNeeded: count) &* 0xA076_1D64_78BD_642F
        var index = 0
        while index + 8 < count {
            h = mix(h, load64(pointer + index))
            index += 8
        }
        h = mix(h, load64(pointer + count - 8))
        return h
    }
}

/// Eight bytes read as one word, for loops that skip runs of ordinary bytes eight at a time (control characters in
/// a source file, bytes a JSON string must escape). Each test is exact: a borrow from one byte to the next only
/// follows a byte that matches.
enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset` (any alignment).
    static func load(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64? {
        guard let base = buffer.baseAddress, offset + 8 <= buffer.count else { return nil }
        return UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }

    /// Whether a byte of `word` is below `limit` (at most 0x80).
    static func hasByte(_ word: UInt64, below limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// Whether a byte of `word` is `byte`.
    static func hasByte(_ word: UInt64, equalTo byte: UInt8) -> Bool {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highs != 0
    }

    /// The bytes of `word` that are `byte`, each as 0x80 in its place (0 elsewhere): exact byte by byte (no borrow
    /// crosses from one byte to the next).
    static func bytes(of word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        let lows = ~highs
        return ~(((difference & lows) &+ lows) | difference | lows)
    }

    /// How many bytes of `word` start a UTF-8 character (are not continuation bytes, `10xxxxxx`).
    static func characterStarts(_ word: UInt64) -> Int {
        8 - (word & ~(word << 1) & highs).nonzeroBitCount
    }
}

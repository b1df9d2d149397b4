import Crypto

/// A SHA-256 held as its 32 bytes (four words, first byte highest) instead of 64 hex digits in a `String`: a
/// rebuild of 10,000 sections reads some 60,000 digests back from the manifests and the cache, and as strings each
/// was a heap allocation, a UTF-8 check and a `memcmp` to compare. Written as lowercase hex where people read it
/// (the manifest), as raw bytes in the build cache.
public struct DigestValue: Hashable, Sendable, CustomStringConvertible {
    let word0: UInt64
    let word1: UInt64
    let word2: UInt64
    let word3: UInt64

    init(_ digest: SHA256.Digest) {
        self = digest.withUnsafeBytes { raw in
            // A SHA-256 digest has 32 bytes.
            DigestValue(raw: raw.bindMemory(to: UInt8.self)) ?? .missing
        }
    }

    /// All zero bits: what stands for a missing digest where one is hashed (no SHA-256 of anything found so far
    /// is all zeros).
    static let missing = DigestValue(word0: 0, word1: 0, word2: 0, word3: 0)

    init(word0: UInt64, word1: UInt64, word2: UInt64, word3: UInt64) {
        self.word0 = word0
        self.word1 = word1
        self.word2 = word2
        self.word3 = word3
    }

    /// The digest of 32 raw bytes; nil for any other count.
    init?(raw bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 32 else { return nil }
        let raw = UnsafeRawBufferPointer(bytes)
        func word(_ offset: Int) -> UInt64 {
            UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        self.init(word0: word(0), word1: word(8), word2: word(16), word3: word(24))
    }

    /// The digest spelt by 64 lowercase hex digits; nil for anything else (upper case included, which Tiendo
    /// never writes). A table gives each byte's value (0xFF: not a digit); a manifest holds 20,000 digests.
    init?(hex bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 64, let base = bytes.baseAddress else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var invalid: UInt8 = 0
        Self.hexValues.withUnsafeBufferPointer { table in
            func word(_ offset: Int) -> UInt64 {
                var value: UInt64 = 0
                for index in offset..<(offset + 16) {
                    let digit = table[Int(base[index])]
                    invalid |= digit
                    value = value << 4 | UInt64(digit & 0x0F)
                }
                return value
            }
            words = (word(0), word(16), word(32), word(48))
        }
        // A digit's value is below 16; 0xFF (not a digit) sets the high bits.
        guard invalid < 16 else { return nil }
        self.init(word0: words.0, word1: words.1, word2: words.2, word3: words.3)
    }

    private static let hexValues: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x30...0x39: UInt8(byte - 0x30)
        case 0x61...0x66: UInt8(byte - 0x57)
        default: 0xFF
        }
    }

    public init?(hex text: String) {
        var text = text
        guard let digest = text.withUTF8({ DigestValue(hex: $0) }) else { return nil }
        self = digest
    }

    /// 64 lowercase hex digits.
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { output in
            guard let base = output.baseAddress else { return 0 }
            writeHex(to: base)
            return 64
        }
    }

    public var description: String { hex }

    func appendHex(to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 64))
        bytes.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { writeHex(to: base + start) }
        }
    }

    func appendRaw(to bytes: inout [UInt8]) {
        withUnsafeBytes(of: (word0.bigEndian, word1.bigEndian, word2.bigEndian, word3.bigEndian)) {
            bytes.append(contentsOf: $0)
        }
    }

    /// The 64 digits, into memory that holds them: two digits a byte, from a table (a manifest writes 20,000
    /// digests).
    private func writeHex(to output: UnsafeMutablePointer<UInt8>) {
        Self.hexPairs.withUnsafeBufferPointer { pairs in
            func write(_ word: UInt64, at offset: Int) {
                for index in 0..<8 {
                    let pair = pairs[Int(UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * index)))]
                    output[offset + 2 * index] = UInt8(truncatingIfNeeded: pair >> 8)
                    output[offset + 2 * index + 1] = UInt8(truncatingIfNeeded: pair)
                }
            }
            write(word0, at: 0)
            write(word1, at: 16)
            write(word2, at: 32)
            write(word3, at: 48)
        }
    }

    /// Each byte's two hex digits, the first in the high byte.
    private static let hexPairs: [UInt16] = (0..<256).map { byte in
        UInt16(hexDigit(UInt8(byte >> 4))) << 8 | UInt16(hexDigit(UInt8(byte & 0x0F)))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x57 + value
    }
}

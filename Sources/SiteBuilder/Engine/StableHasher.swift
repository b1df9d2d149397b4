import Crypto
public import Foundation

/// SHA-256 over typed, length-prefixed values: the same values give the same digest in every process and on
/// every machine (unlike `Hasher`, which is seeded per process). Used for page fingerprints and the manifest.
public struct StableHasher: Sendable {
    private var sha = SHA256()
    /// Small values are gathered here and hashed in one call: per-call overhead dominated fingerprinting.
    private var buffer: [UInt8] = []

    public init() {
        buffer.reserveCapacity(1024)
    }

    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            combine(bytes.count)
            buffer.append(contentsOf: bytes)
        }
        if buffer.count >= 65_536 { flush() }
    }

    /// UTF-8 bytes, hashed exactly as the `String` they spell.
    public mutating func combine(utf8 bytes: [UInt8]) {
        combine(bytes.count)
        buffer.append(contentsOf: bytes)
        if buffer.count >= 65_536 { flush() }
    }

    /// The first 16 bytes of a text's SHA-256, made once and hashed as one fixed-size value.
    public struct Key: Sendable {
        let bytes: (UInt64, UInt64)

        init(_ text: String) {
            let digest = Array(SHA256.hash(data: Data(text.utf8)))
            let word = { (offset: Int) in digest[offset..<offset + 8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
            bytes = (word(0), word(8))
        }
    }

    public mutating func combine(signatureKey key: Key) {
        withUnsafeBytes(of: (key.bytes.0.littleEndian, key.bytes.1.littleEndian)) { buffer.append(contentsOf: $0) }
    }

    public mutating func combine(_ number: Int) {
        withUnsafeBytes(of: Int64(number).littleEndian) { buffer.append(contentsOf: $0) }
    }

    /// Seven numbers in one append, hashed exactly as seven `combine(_: Int)` in order (a file's stamp: a build
    /// hashes ten thousand).
    mutating func combine(seven numbers: (Int64, Int64, Int64, Int64, Int64, Int64, Int64)) {
        let little = (numbers.0.littleEndian, numbers.1.littleEndian, numbers.2.littleEndian, numbers.3.littleEndian,
                      numbers.4.littleEndian, numbers.5.littleEndian, numbers.6.littleEndian)
        withUnsafeBytes(of: little) { buffer.append(contentsOf: $0) }
    }

    private mutating func flush() {
        buffer.withUnsafeBytes { sha.update(bufferPointer: $0) }
        buffer.removeAll(keepingCapacity: true)
    }

    public mutating func combine(_ flag: Bool) {
        combine(flag ? 1 : 0)
    }

    public mutating func combine(_ data: Data) {
        combine(data.count)
        flush()
        sha.update(data: data)
    }

    /// A marker byte that separates kinds of values (an absent optional from an empty string, say).
    public mutating func tag(_ byte: UInt8) {
        buffer.append(byte)
    }

    /// This hasher with everything combined so far hashed (its buffer empty): a prefix that many hashes share.
    public func hashedSoFar() -> StableHasher {
        var copy = self
        copy.flush()
        return copy
    }

    /// A hasher that goes on from this one's state with a buffer of its own (see `hashedSoFar`).
    public func continued() -> StableHasher {
        var copy = self
        copy.buffer = []
        copy.buffer.reserveCapacity(1024)
        if !buffer.isEmpty { copy.buffer.append(contentsOf: buffer) }
        return copy
    }

    public func finalize() -> String { finalizeDigest().hex }

    public func finalizeDigest() -> DigestValue {
        var sha = sha
        buffer.withUnsafeBytes { sha.update(bufferPointer: $0) }
        return DigestValue(sha.finalize())
    }

    /// A digest, as its 32 bytes (it has a fixed size: no length before it).
    public mutating func combine(_ digest: DigestValue) {
        digest.appendRaw(to: &buffer)
    }

    /// SHA-256 of bytes, as 64 lowercase hex digits.
    public static func digest(_ data: Data) -> String {
        DigestValue(SHA256.hash(data: data)).hex
    }

    public static func digest(_ bytes: [UInt8]) -> String { sha256(bytes).hex }

    /// SHA-256 of bytes (a section's body, a slice of its file).
    static func digest(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBytes { DigestValue(SHA256.hash(data: $0)).hex }
    }

    /// SHA-256 of a text's UTF-8 bytes (the digest of `Data(text.utf8)`, without the copy).
    public static func digest(_ text: String) -> String { sha256(text).hex }

    public static func sha256(_ bytes: [UInt8]) -> DigestValue {
        bytes.withUnsafeBytes { DigestValue(SHA256.hash(data: $0)) }
    }

    public static func sha256(_ text: String) -> DigestValue {
        var text = text
        return text.withUTF8 { DigestValue(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
    }
}

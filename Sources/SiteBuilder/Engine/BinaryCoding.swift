import Foundation

/// Length-prefixed fields for the build cache: fast to write and read, no escaping to get wrong.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// A length, then the bytes.
    mutating func write(_ part: some Collection<UInt8>) {
        write(part.count)
        bytes.append(contentsOf: part)
    }

    /// The bytes as they are (parts another writer made).
    mutating func append(_ part: [UInt8]) {
        bytes.append(contentsOf: part)
    }

    var data: Data { Data(bytes) }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ number: Int) {
        withUnsafeBytes(of: Int64(number).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ text: String?) {
        write(text == nil ? 0 : 1)
        if let text { write(text) }
    }
}

/// Reads what BinaryWriter wrote; every read fails (nil) rather than trap on a short or damaged file.
struct BinaryReader {
    let bytes: [UInt8]
    private(set) var offset = 0
    private let end: Int

    init(_ data: Data) {
        bytes = [UInt8](data)
        end = bytes.count
    }

    /// A reader of `range` of bytes another reader holds (shared, not copied).
    init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        offset = range.lowerBound
        end = min(range.upperBound, bytes.count)
    }

    var isAtEnd: Bool { offset == end }

    /// The range of a length-prefixed part (see BinaryWriter.write(_: [UInt8])), skipped over.
    mutating func skipBytes() -> Range<Int>? {
        guard let count = int(), count >= 0, count <= end - offset else { return nil }
        defer { offset += count }
        return offset..<(offset + count)
    }

    /// A count, then that many strings.
    mutating func strings() -> [String]? {
        guard let count = int(), count >= 0, count <= end - offset else { return nil }
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            guard let text = string() else { return nil }
            result.append(text)
        }
        return result
    }

    mutating func int() -> Int? {
        guard offset + 8 <= end else { return nil }
        let start = offset
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: start, as: UInt64.self) }
        offset += 8
        return Int(truncatingIfNeeded: Int64(bitPattern: UInt64(littleEndian: value)))
    }

    mutating func string() -> String? {
        guard let count = int(), count >= 0, count <= end - offset else { return nil }
        let start = offset
        let text = bytes.withUnsafeBufferPointer { buffer in
            UTF8Text.string(UnsafeBufferPointer(rebasing: buffer[start..<(start + count)]))
        }
        offset += count
        return text
    }

    mutating func optionalString() -> String?? {
        guard let flag = int() else { return nil }
        if flag == 0 { return .some(nil) }
        guard let text = string() else { return nil }
        return .some(text)
    }
}

import Foundation

extension JSONValue {
    /// Appends a JSON string literal of at most `limit` characters (Unicode scalars) of `text`, built on bytes:
    /// the search index quotes thousands of texts on every build (11 MB for 10,000 sections), so runs that need no
    /// escaping are copied whole, and found eight bytes at a time while the limit is not reached.
    static func appendQuoted(_ text: String, limit: Int = Int.max, to bytes: inout [UInt8]) {
        var text = text
        bytes.append(0x22)
        text.withUTF8 { source in
            var characters = 0
            var runStart = 0
            var index = 0
            func flush(_ end: Int) {
                if end > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<end])) }
            }
            let count = source.count
            outer: while index < count {
                while let word = ByteWord.load(source, at: index), !ByteWord.hasByte(word, below: 0x20),
                      !ByteWord.hasByte(word, equalTo: 0x22), !ByteWord.hasByte(word, equalTo: 0x5C) {
                    let starts = ByteWord.characterStarts(word)
                    guard characters + starts <= limit else { break }
                    characters += starts
                    index += 8
                }
                guard index < count else { break }
                let byte = source[index]
                if byte & 0xC0 != 0x80 {
                    if characters == limit { break outer }
                    characters += 1
                }
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                    index += 1
                    continue
                }
                flush(index)
                switch byte {
                case 0x22, 0x5C: bytes += [0x5C, byte]
                case 0x0A: bytes += [0x5C, 0x6E]
                case 0x0D: bytes += [0x5C, 0x72]
                case 0x09: bytes += [0x5C, 0x74]
                default: bytes += Array(String(format: "\\u%04x", byte).utf8)
                }
                index += 1
                runStart = index
            }
            flush(index)
        }
        bytes.append(0x22)
    }
}

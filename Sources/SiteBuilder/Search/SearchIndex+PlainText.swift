extension SearchIndex {
    /// Rendered HTML as plain text, at most `limit` characters: tags dropped, the entities cmark writes decoded,
    /// runs of white space collapsed. One pass over the UTF-8 bytes that stops at the limit: it runs for every
    /// section on every render, so it must stay cheap.
    static func plainText(_ html: HTML, limit: Int = textLimit) -> String {
        // At most `limit` characters and a space, of at most four bytes each, and never more than the source.
        let capacity = min(html.bytes.count, (limit + 1) * 4)
        return html.bytes.withUnsafeBufferPointer { source in
            // Written straight into the text's own storage (which checks it is UTF-8: it is, since only ASCII
            // bytes are dropped or added).
            String(unsafeUninitializedCapacity: max(capacity, 1)) { out in plainText(source, limit: limit, into: out) }
        }
    }

    /// The loop of `plainText`: writes into `out` (large enough, see above) and returns how many bytes it wrote.
    private static func plainText(_ source: UnsafeBufferPointer<UInt8>, limit: Int,
                                  into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var written = 0
        var characters = 0
        var pendingSpace = false
        var index = 0
        let count = source.count
        while index < count {
            // Eight bytes at once when they are copied as they are: no tag, entity, control character or white
            // space but single spaces between words (Vietnamese has a space every few bytes), none of them last
            // (what follows decides) or first in the text; no space pending, and the limit not reached within them.
            if !pendingSpace, written + 8 <= out.count, let word = ByteWord.load(source, at: index),
               !ByteWord.hasByte(word, below: 0x20), !ByteWord.hasByte(word, equalTo: 0x3C),
               !ByteWord.hasByte(word, equalTo: 0x26), let target = out.baseAddress,
               case let spaces = ByteWord.bytes(of: word, equalTo: 0x20), spaces & (spaces >> 8) == 0,
               spaces & 0x8000_0000_0000_0000 == 0, characters > 0 || spaces & 0x80 == 0 {
                let starts = ByteWord.characterStarts(word)
                if characters + starts <= limit {
                    UnsafeMutableRawPointer(target + written).storeBytes(of: word, as: UInt64.self)
                    characters += starts
                    written += 8
                    index += 8
                    continue
                }
            }
            let byte = source[index]
            switch byte {
            case 0x3C:
                // A tag: skipped to its end, and it separates words.
                pendingSpace = true
                index += 1
                while index < count && source[index] != 0x3E { index += 1 }
                index += 1
                continue
            case 0x20, 0x0A, 0x09, 0x0D:
                pendingSpace = true
                index += 1
                continue
            default:
                break
            }
            if byte & 0xC0 != 0x80 {
                if characters >= limit { break }
                if pendingSpace && characters > 0 {
                    out[written] = 0x20
                    written += 1
                    characters += 1
                }
                pendingSpace = false
                characters += 1
            }
            if byte == 0x26, let (length, character) = entity(in: source, at: index) {
                out[written] = character
                written += 1
                index += length
                continue
            }
            out[written] = byte
            written += 1
            index += 1
        }
        return written
    }

    /// The entity cmark writes at `index` (its `&`), as its length and the character it stands for.
    private static func entity(in source: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, UInt8)? {
        func matches(_ name: StaticString) -> Bool {
            let length = name.utf8CodeUnitCount
            guard index + length <= source.count else { return false }
            return name.withUTF8Buffer { name in
                (0..<length).allSatisfy { source[index + $0] == name[$0] }
            }
        }
        switch index + 1 < source.count ? source[index + 1] : 0 {
        case UInt8(ascii: "l"): return matches("&lt;") ? (4, 0x3C) : nil
        case UInt8(ascii: "g"): return matches("&gt;") ? (4, 0x3E) : nil
        case UInt8(ascii: "q"): return matches("&quot;") ? (6, 0x22) : nil
        case UInt8(ascii: "#"): return matches("&#39;") ? (5, 0x27) : nil
        case UInt8(ascii: "a"): return matches("&amp;") ? (5, 0x26) : nil
        default: return nil
        }
    }
}

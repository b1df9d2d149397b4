/// A text compared and hashed by its UTF-8 bytes. Swift compares and hashes `String` by canonical equivalence,
/// normalizing every non-ASCII text as it goes, which made checking ten thousand Vietnamese titles for
/// duplicates cost more than reading them. For texts in Unicode Normalization Form C the two agree, so a caller
/// uses this only when `isSurelyNFC` holds for every text it compares.
struct ExactText: Hashable {
    let text: String

    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// True when every scalar is below U+0300 (Latin letters, Latin-1 and Latin Extended-A and B: đ, ơ, ư) or in
    /// Latin Extended Additional (U+1E00–U+1EFF: ạ, ế, ữ…): Vietnamese written with precomposed letters. No such
    /// scalar combines with another or decomposes differently in NFC, so such a text is in NFC. False says only
    /// "not sure" (combining marks, other scripts).
    static func isSurelyNFC(_ text: String) -> Bool {
        // In UTF-8: ASCII, continuation bytes, lead bytes C2–CB (U+0080–U+02FF), and E1 followed by B8–BB
        // (U+1E00–U+1EFF).
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0xCC {
                    guard byte == 0xE1, index + 1 < bytes.count, (0xB8...0xBB).contains(bytes[index + 1]) else {
                        return false
                    }
                }
                index += 1
            }
            return true
        }
    }
}

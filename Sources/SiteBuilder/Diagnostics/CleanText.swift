/// Text from users' files is refused when it has control characters (they are invisible, break terminals and
/// pages, and come from YAML escapes such as `\0` or from damaged files), and quoted in messages only as a short,
/// printable excerpt.
enum CleanText {
    /// The first control character other than tab and newline, written as `U+001B`, or nil.
    static func firstControlCharacter(in text: String) -> String? {
        text.unicodeScalars.first(where: isControl).map(name)
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)` without Foundation's character sets (they were a
    /// tenth of reading a section's front matter): that set is Unicode's White_Space property plus U+200B (zero
    /// width space), dropped scalar by scalar from each end. Checked against Foundation (CleanTextTests).
    static func trimmingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace || scalar.value == 0x200B }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let last = scalars.index(before: end)
            guard isSpace(scalars[last]) else { break }
            end = last
        }
        if start == scalars.startIndex && end == scalars.endIndex { return text }
        return String(scalars[start..<end])
    }

    /// `U+001B`.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Byte offset of the first control character (other than tab and newline) in UTF-8 text, or nil.
    static func firstControlOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            // Eight bytes at a time: a word with no byte below 0x20, no 0x7F and no 0xC2 (the lead byte of the C1
            // controls) holds no control character. Most words are such; a line end sends one to the byte loop.
            while let word = ByteWord.load(buffer, at: index) {
                if ByteWord.hasByte(word, below: 0x20) || ByteWord.hasByte(word, equalTo: 0x7F)
                    || ByteWord.hasByte(word, equalTo: 0xC2),
                    let found = Self.firstControl(in: buffer, from: index, to: index + 8) {
                    return found
                }
                index += 8
            }
            return Self.firstControl(in: buffer, from: index, to: count)
        }
    }

    /// The byte loop: the first control character that starts in `start..<end` (a C1 control may end past it).
    private static func firstControl(in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            let byte = buffer[index]
            // Most bytes are printable ASCII or the lead and continuation bytes of Vietnamese letters.
            if byte >= 0x20 && byte != 0x7F && byte != 0xC2 {
                index += 1
                continue
            }
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F { return index }
            if byte == 0xC2, index + 1 < buffer.count, (0x80...0x9F).contains(buffer[index + 1]) { return index }
            index += 1
        }
        return nil
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// A message as it is shown: control characters replaced, every quoted value ('…') cut to a short excerpt,
    /// and the whole at most 600 characters, so that no message pastes a whole file or a 1 MB cell.
    static func message(_ text: String) -> String {
        var result = ""
        var quoted = ""
        var inQuote = false
        for character in text {
            if character == "'" {
                if inQuote { result += excerpt(quoted) }
                quoted = ""
                inQuote.toggle()
                result.append(character)
            } else if inQuote {
                quoted.append(character)
            } else {
                result.append(character)
            }
        }
        if inQuote { result += excerpt(quoted) }
        return excerpt(result, limit: 600)
    }

    /// A value as a message may quote it: control characters shown as `�`, at most `limit` characters.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                result += "…"
                break
            }
            result.unicodeScalars.append(isControl(scalar) || scalar == "\n" ? "\u{FFFD}" : scalar)
            count += 1
        }
        return result
    }
}

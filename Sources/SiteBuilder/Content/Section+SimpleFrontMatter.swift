extension Section {
    /// A section read without Yams when its front matter is the simplest YAML (`SimpleFrontMatter`) and holds
    /// nothing the loader would report: nil otherwise, and then `load` reads it with Yams, which gives the same
    /// section or the diagnostics with their places. Parsing ten thousand front matters with Yams was a twentieth
    /// of a clean build; a test holds this path to Yams' result on random front matters.
    static func loadSimple(_ split: FrontMatter, path: String, fileName: String, english: Bool) -> Section? {
        guard let entries = SimpleFrontMatter.entries(split.yaml) else { return nil }
        // By the key's place in `keys` (four slots, not a dictionary: this runs for every section).
        var values = [String?](repeating: nil, count: keys.count)
        var lines = [Int](repeating: 0, count: keys.count)
        for entry in entries {
            // Unknown keys are warned about; a key twice is an error: both are left to Yams.
            guard let slot = keys.firstIndex(of: entry.key), values[slot] == nil else { return nil }
            values[slot] = entry.value
            // Front matter starts on the file's second line; every key of this form is in column 1.
            lines[slot] = entry.line + 1
        }
        func value(_ key: String) -> String? { keys.firstIndex(of: key).flatMap { values[$0] } }
        // `order` and `slug` in an English section are warned about.
        if english && (value("order") != nil || value("slug") != nil) { return nil }
        func text(_ key: String) -> String? {
            guard let value = value(key) else { return nil }
            let text = CleanText.trimmingWhitespace(value)
            return text.isEmpty || CleanText.firstControlCharacter(in: text) != nil ? nil : text
        }
        guard let title = text("title") else { return nil }
        var order = 0
        if !english {
            guard let written = value("order"), let number = Int(written) else { return nil }
            order = number
        }
        let summary = text("summary")
        if value("summary") != nil && summary == nil { return nil }
        var slug = english ? "en" : nil
        if !english, value("slug") != nil {
            guard let given = text("slug"), Slug.make(given) == given else { return nil }
            slug = given
        }
        let finalSlug = slug ?? Slug.make(title)
        guard !finalSlug.isEmpty else { return nil }
        // A missing key's place is the mapping's: its first key, on the file's second line.
        let start = SourceLocation(path: path, line: 2, column: 1)
        return Section(fileName: fileName, path: path, title: title, order: order, summary: summary,
                       slug: finalSlug, body: split.body, bodyDigest: StableHasher.digest(split.body), stamp: nil,
                       bodyFirstLine: split.bodyFirstLine,
                       keyLocations: Dictionary(uniqueKeysWithValues: zip(keys, lines).map { key, line in
                           (key, line > 0 ? SourceLocation(path: path, line: line, column: 1) : start)
                       }))
    }
}

/// Front matter in the simplest YAML, read without a YAML parser: every line `key: value`, the key in column 1
/// made of ASCII letters, digits, `_` and `-`, and the value either written in double quotes with no `"` or `\`
/// inside, or plain letters, digits, spaces and `. , / ( ) _ -` starting with a letter or digit. Anything else
/// (comments, lists, other quotes, `:` or `#` in a plain value, tabs, blank lines, `null`, `~`) gives nil, and the
/// caller uses Yams. For what it accepts, the values are exactly the strings Yams reads.
enum SimpleFrontMatter {
    static func entries(_ yaml: String) -> [(key: String, line: Int, value: String)]? {
        var entries: [(key: String, line: Int, value: String)] = []
        for (index, line) in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .enumerated() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon != line.startIndex,
                  line[line.startIndex..<colon].enumerated().allSatisfy({ isKeyByte($1, first: $0 == 0) })
            else { return nil }
            var start = line.index(after: colon)
            guard start < line.endIndex, line[start] == UInt8(ascii: " ") else { return nil }
            while start < line.endIndex && line[start] == UInt8(ascii: " ") { start = line.index(after: start) }
            guard let value = self.value(line[start...]) else { return nil }
            entries.append((String(decoding: line[line.startIndex..<colon], as: UTF8.self), index + 1, value))
        }
        return entries.isEmpty ? nil : entries
    }

    private static func isKeyByte(_ byte: UInt8, first: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): !first
        default: false
        }
    }

    /// The value of a double-quoted or plain scalar of the accepted forms; nil for anything else.
    private static func value(_ bytes: Substring.UTF8View.SubSequence) -> String? {
        guard let first = bytes.first, let last = bytes.last else { return nil }
        let quote = UInt8(ascii: "\"")
        let text: String
        if first == quote {
            guard bytes.count >= 2, last == quote else { return nil }
            let inner = bytes.dropFirst().dropLast()
            guard !inner.contains(quote), !inner.contains(UInt8(ascii: "\\")) else { return nil }
            text = String(decoding: inner, as: UTF8.self)
        } else {
            guard last != UInt8(ascii: " ") else { return nil }
            text = String(decoding: bytes, as: UTF8.self)
            guard let lead = text.unicodeScalars.first, lead.value >= 0x80 || isAlphanumeric(lead),
                  text.unicodeScalars.allSatisfy({ isPlain($0) && isPrintable($0) }) else { return nil }
            // Plain scalars Yams reads as null.
            if text.utf8.count <= 4 && ["~", "null", "Null", "NULL"].contains(text) { return nil }
            return text
        }
        return text.unicodeScalars.allSatisfy(isPrintable) ? text : nil
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        default: false
        }
    }

    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x80 { return !scalar.properties.isWhitespace }
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", " ", ".", ",", "/", "(", ")", "_", "-": return true
        default: return false
        }
    }

    /// What libyaml reads as a character of a value (not a line break, byte-order mark or non-character); tabs are
    /// left to Yams.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}

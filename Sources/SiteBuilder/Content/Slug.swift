import Foundation

/// URL slugs and heading ids from Vietnamese text: `Mục đích` → `muc-dich`, `Đẩy mạnh` → `day-manh`.
///
/// Diacritics are removed by canonical decomposition and dropping combining marks (Unicode data in the
/// standard library, so the result is the same on every platform); `đ`/`Đ`, which do not decompose, become `d`.
public enum Slug {
    /// The grammar ids, codes and slugs share: ASCII letters and digits in groups joined by single dashes
    /// (`TV-02`, `thu-vien`); not empty, no dash at either end, never only dashes. Codes and slugs are lowercase.
    public static func isIdentifier(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return !text.isEmpty && groups.allSatisfy { group in
            !group.isEmpty && group.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
            }
        }
    }

    /// Made on the text's UTF-8 bytes: every heading of every section gets an id, so this runs tens of thousands
    /// of times in a build of 10,000 sections (scalar by scalar, through `String`, it took 50 ms of CPU).
    public static func make(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            var result: [UInt8] = []
            result.reserveCapacity(source.count)
            var pendingDash = false
            // `byte` is ASCII: a lowercase letter or digit is kept, anything else stands between words.
            func append(_ byte: UInt8) {
                if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                    if pendingDash && !result.isEmpty { result.append(0x2D) }
                    pendingDash = false
                    result.append(byte)
                } else {
                    pendingDash = true
                }
            }
            var index = 0
            while index < source.count {
                let byte = source[index]
                if byte < 0x80 {
                    // ASCII has no decomposition and no marks: only the capitals change.
                    append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
                    index += 1
                    continue
                }
                let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length where index + offset < source.count {
                    value = value << 6 | UInt32(source[index + offset] & 0x3F)
                }
                index += length
                if let fold = latinFold(value) {
                    fold.forEach(append)
                } else if let scalar = Unicode.Scalar(value) {
                    // A letter that is not ASCII stays one (not a–z): it stands between words.
                    for part in self.fold(scalar).unicodeScalars { append(part.isASCII ? UInt8(part.value) : 0x2D) }
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The fold of a Latin letter with diacritics (Vietnamese among them) from the table, as ASCII bytes with any
    /// other character as a dash; nil outside the table's ranges.
    private static func latinFold(_ value: UInt32) -> [UInt8]? {
        switch value {
        case 0x00C0...0x024F: latinFolds[Int(value - 0x00C0)]
        case 0x1E00...0x1EFF: latinFolds[Int(value - 0x1E00) + 0x0190]
        default: nil
        }
    }

    /// One scalar decomposed, without its marks, lowercased, `đ` as `d`. Decomposition maps each scalar on its
    /// own, and marks are dropped, so folding scalar by scalar gives what folding the whole text would.
    private static func fold(_ scalar: Unicode.Scalar) -> String {
        var result = ""
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
            if part.properties.generalCategory == .nonspacingMark { continue }
            switch part {
            case "đ", "Đ": result += "d"
            default: result += String(part).lowercased()
            }
        }
        return result
    }

    /// The folds of U+00C0–U+024F, then of U+1E00–U+1EFF (see `latinFold`), made once.
    private static let latinFolds: [[UInt8]] = (Array(0x00C0...0x024F) + Array(0x1E00...0x1EFF)).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return [0x2D] }
        return fold(scalar).unicodeScalars.map { $0.isASCII ? UInt8($0.value) : 0x2D }
    }
}

/// Hands out unique ids on one page: the second `muc-dich` becomes `muc-dich-2`, then `muc-dich-3`.
public struct SlugRegistry: Sendable {
    /// Shared by every page and never changed here: a page's own ids go to `used`, so that no page copies the
    /// site's hundreds of reserved ids to add its few headings.
    private let reserved: Set<String>
    /// A page's own ids: a short list searched in order while there are few (most pages have a handful of
    /// headings, and hashing each id twice took a fiftieth of a clean build), a set from `listLimit` on.
    private var usedList: [String] = []
    private var usedSet: Set<String>?
    /// The next number to try for each base that was taken, so that n equal headings take linear time, not
    /// quadratic.
    private var next: [String: Int] = [:]
    private static let listLimit = 16

    /// `reserved` are ids the templates already use (e.g. `noi-dung` for the skip link target).
    public init(reserved: Set<String> = []) {
        self.reserved = reserved
    }

    public mutating func unique(for text: String, fallback: String = "muc") -> String {
        let slug = Slug.make(text)
        let base = slug.isEmpty ? fallback : slug
        var candidate = base
        if isTaken(candidate) {
            var counter = next[base] ?? 2
            repeat {
                candidate = "\(base)-\(counter)"
                counter += 1
            } while isTaken(candidate)
            next[base] = counter
        }
        use(candidate)
        return candidate
    }

    private func isTaken(_ id: String) -> Bool {
        if let usedSet { return usedSet.contains(id) || reserved.contains(id) }
        return usedList.contains(id) || reserved.contains(id)
    }

    private mutating func use(_ id: String) {
        if usedSet != nil {
            usedSet?.insert(id)
        } else if usedList.count < Self.listLimit {
            usedList.append(id)
        } else {
            usedSet = Set(usedList + [id])
            usedList = []
        }
    }
}

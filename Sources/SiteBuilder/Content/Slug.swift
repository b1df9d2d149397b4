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

    public static func make(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        func append(_ character: Unicode.Scalar) {
            if ("a"..."z").contains(character) || ("0"..."9").contains(character) {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(character)
            } else {
                pendingDash = true
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                // ASCII has no decomposition and no marks: only the capitals change.
                let value = scalar.value
                append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            } else {
                for character in folded(scalar).unicodeScalars { append(character) }
            }
        }
        return result
    }

    /// One scalar decomposed, without its marks, lowercased, `đ` as `d`. Decomposition maps each scalar on its
    /// own, and marks are dropped, so folding scalar by scalar gives what folding the whole text would.
    static func folded(_ scalar: Unicode.Scalar) -> String {
        if let known = latinFolds[scalar.value] { return known }
        return fold(scalar)
    }

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

    /// The folds of Latin letters with diacritics (Vietnamese among them), made once.
    private static let latinFolds: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for value in Array(0x00C0...0x024F) + Array(0x1E00...0x1EFF) {
            if let scalar = Unicode.Scalar(UInt32(value)) { table[UInt32(value)] = fold(scalar) }
        }
        return table
    }()
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

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
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let mapped: String
            switch scalar {
            case "đ", "Đ": mapped = "d"
            default: mapped = String(scalar).lowercased()
            }
            for character in mapped.unicodeScalars {
                if ("a"..."z").contains(character) || ("0"..."9").contains(character) {
                    if pendingDash && !result.isEmpty { result.append("-") }
                    pendingDash = false
                    result.unicodeScalars.append(character)
                } else {
                    pendingDash = true
                }
            }
        }
        return result
    }
}

/// Hands out unique ids on one page: the second `muc-dich` becomes `muc-dich-2`, then `muc-dich-3`.
public struct SlugRegistry: Sendable {
    private var used: Set<String>
    /// The next number to try for each base, so that n equal headings take linear time, not quadratic.
    private var next: [String: Int] = [:]

    /// `reserved` are ids the templates already use (e.g. `noi-dung` for the skip link target).
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public mutating func unique(for text: String, fallback: String = "muc") -> String {
        let slug = Slug.make(text)
        let base = slug.isEmpty ? fallback : slug
        var candidate = base
        var counter = next[base] ?? 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        next[base] = counter
        used.insert(candidate)
        return candidate
    }
}

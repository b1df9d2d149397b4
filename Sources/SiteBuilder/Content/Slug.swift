import Foundation

/// URL slugs and heading ids from Vietnamese text: `Mục đích` → `muc-dich`, `Đẩy mạnh` → `day-manh`.
///
/// Diacritics are removed by canonical decomposition and dropping combining marks (Unicode data in the
/// standard library, so the result is the same on every platform); `đ`/`Đ`, which do not decompose, become `d`.
public enum Slug {
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

    /// `reserved` are ids the templates already use (e.g. `noi-dung` for the skip link target).
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public mutating func unique(for text: String, fallback: String = "muc") -> String {
        let base = Slug.make(text).isEmpty ? fallback : Slug.make(text)
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}

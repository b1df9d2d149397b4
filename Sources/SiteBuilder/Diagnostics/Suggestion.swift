import Foundation

/// Finds the nearest valid word to a misspelt one, for messages such as "có phải là 'title'?". Case and
/// Vietnamese diacritics are ignored, so `Năm` and `mã_cơ_sở` find `nam` and `ma_co_so`.
enum Suggestion {
    static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let folded = Array(fold(word))
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(folded, Array(fold(candidate)))
            let limit = max(2, candidate.count / 3)
            guard distance <= limit else { continue }
            if best == nil || distance < best?.distance ?? Int.max {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// ` (có phải là 'title'?)`, or nothing when no candidate is near.
    static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> Message {
        guard let nearest = nearest(to: word, in: candidates) else { return .empty }
        return Message(vi: " (có phải là '\(nearest)'?)", en: " (did you mean '\(nearest)'?)")
    }

    /// Lower case without diacritics: `Mã_Cơ_Sở` → `ma_co_so`.
    static func fold(_ word: String) -> String {
        word.lowercased().replacingOccurrences(of: "đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

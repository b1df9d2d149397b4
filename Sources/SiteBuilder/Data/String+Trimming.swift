import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespaces)` (Unicode spaces and the tab), without Foundation's work when there
    /// is nothing to trim: a cell that starts and ends with a visible ASCII character, as nearly all do.
    var trimmingWhitespace: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if first.isASCII, last.isASCII, first != " ", first != "\t", last != " ", last != "\t" { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}

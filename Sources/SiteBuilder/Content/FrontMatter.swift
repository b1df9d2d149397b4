/// Splits a Markdown file into its YAML front matter and its body.
///
/// The file must start with a line `---`; the front matter ends at the next line that is `---` or `...`.
struct FrontMatter {
    var yaml: String
    /// Line number (1-based) of the first line of the body in the original file.
    var bodyFirstLine: Int
    var body: String

    static func split(_ file: SourceFile) throws(BuildFailure) -> FrontMatter {
        let utf8 = file.text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = Substring(file.text[lineStart..<lineEnd]).trimmingTrailingSpaces
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            if let start = yamlStart {
                if line == "---" || line == "..." {
                    let yamlEnd = lineStart > start ? utf8.index(before: lineStart) : start
                    return FrontMatter(yaml: String(file.text[start..<yamlEnd]), bodyFirstLine: lineNumber + 1,
                                       body: String(file.text[next...]))
                }
            } else {
                guard line == "---" else { throw missing(file) }
                yamlStart = next
            }
            lineStart = next
            lineNumber += 1
            if lineEnd == utf8.endIndex { break }
        }
        if yamlStart == nil { throw missing(file) }
        throw BuildFailure(diagnostics: [
            Diagnostic(path: file.path, line: 1, column: 1,
                       "phần khai báo mở ở đây nhưng chưa được đóng; thêm một dòng '---' sau khóa cuối cùng",
                       en: "front matter opened here is never closed; add a line '---' after its last key"),
        ])
    }
}

extension FrontMatter {
    /// The file does not start with a line `---` (or is empty).
    private static func missing(_ file: SourceFile) -> BuildFailure {
        BuildFailure(diagnostics: [
            Diagnostic(path: file.path, line: 1, column: 1,
                       "mỗi phần phải bắt đầu bằng phần khai báo: một dòng '---', các dòng 'title:' và 'order:', "
                           + "rồi một dòng '---' để đóng",
                       en: "a section must start with front matter: a line '---', 'title:' and 'order:' "
                           + "lines, then a closing line '---'"),
        ])
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var text = self
        while let last = text.unicodeScalars.last, last == " " || last == "\t" || last == "\r" {
            text = text[..<text.unicodeScalars.index(before: text.unicodeScalars.endIndex)]
        }
        return text
    }
}

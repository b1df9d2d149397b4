/// Splits a Markdown file into its YAML front matter and its body.
///
/// The file must start with a line `---`; the front matter ends at the next line that is `---` or `...`.
struct FrontMatter {
    var yaml: String
    /// Line number (1-based) of the first line of the body in the original file.
    var bodyFirstLine: Int
    /// The body's UTF-8 bytes: a slice of the file's (a section's body is kept as read, never copied into a text).
    var body: ArraySlice<UInt8>

    static func split(_ file: SourceFile) throws(BuildFailure) -> FrontMatter {
        try split(Array(file.text.utf8), path: file.path)
    }

    /// The same, from a file's checked bytes (SourceFile.checked).
    static func split(_ bytes: [UInt8], path: String) throws(BuildFailure) -> FrontMatter {
        let count = bytes.count
        var lineStart = 0
        var lineNumber = 1
        var yamlStart: Int?
        while lineStart < count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? count
            // Trailing spaces, tabs and carriage returns do not count.
            var end = lineEnd
            while end > lineStart, [0x20, 0x09, 0x0D].contains(bytes[end - 1]) { end -= 1 }
            let line = bytes[lineStart..<end]
            let next = lineEnd < count ? lineEnd + 1 : lineEnd
            if let start = yamlStart {
                if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                    let yamlEnd = lineStart > start ? lineStart - 1 : start
                    return FrontMatter(yaml: String(decoding: bytes[start..<yamlEnd], as: UTF8.self),
                                       bodyFirstLine: lineNumber + 1, body: bytes[next...])
                }
            } else {
                guard line.elementsEqual("---".utf8) else { throw missing(path) }
                yamlStart = next
            }
            lineStart = next
            lineNumber += 1
            if lineEnd == count { break }
        }
        if yamlStart == nil { throw missing(path) }
        throw BuildFailure(diagnostics: [
            Diagnostic(path: path, line: 1, column: 1,
                       "phần khai báo mở ở đây nhưng chưa được đóng; thêm một dòng '---' sau khóa cuối cùng",
                       en: "front matter opened here is never closed; add a line '---' after its last key"),
        ])
    }
}

extension FrontMatter {
    /// The file does not start with a line `---` (or is empty).
    private static func missing(_ path: String) -> BuildFailure {
        BuildFailure(diagnostics: [
            Diagnostic(path: path, line: 1, column: 1,
                       "mỗi phần phải bắt đầu bằng phần khai báo: một dòng '---', các dòng 'title:' và 'order:', "
                           + "rồi một dòng '---' để đóng",
                       en: "a section must start with front matter: a line '---', 'title:' and 'order:' "
                           + "lines, then a closing line '---'"),
        ])
    }
}

/// Splits a Markdown file into its YAML front matter and its body.
///
/// The file must start with a line `---`; the front matter ends at the next line that is `---` or `...`.
struct FrontMatter {
    var yaml: String
    /// Line number (1-based) of the first line of the body in the original file.
    var bodyFirstLine: Int
    var body: String

    static func split(_ file: SourceFile) throws(BuildFailure) -> FrontMatter {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            throw BuildFailure(diagnostics: [
                Diagnostic(path: file.path, line: 1, column: 1,
                           message: "a section must start with front matter: a line '---', 'title:' and 'order:' "
                               + "lines, then a closing line '---'"),
            ])
        }
        for index in 1..<lines.count where lines[index].trimmingTrailingSpaces == "---"
            || lines[index].trimmingTrailingSpaces == "..." {
            let yaml = lines[1..<index].joined(separator: "\n")
            let body = lines[(index + 1)...].joined(separator: "\n")
            return FrontMatter(yaml: yaml, bodyFirstLine: index + 2, body: body)
        }
        throw BuildFailure(diagnostics: [
            Diagnostic(path: file.path, line: 1, column: 1,
                       message: "front matter opened here is never closed; add a line '---' after its last key"),
        ])
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }
}

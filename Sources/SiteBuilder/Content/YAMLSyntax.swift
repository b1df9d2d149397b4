import Yams

/// Turns libyaml's syntax errors into plain words a department can act on, at the place to fix. The parser's own
/// terms ("token", "block collection", "scalar") never reach the user.
struct YAMLSyntax {
    var reader: YAMLReader
    var lines: [Substring]

    init(reader: YAMLReader, text: String) {
        self.reader = reader
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func diagnostic(problem: String, context: YamlError.Context?, mark: Mark) -> Diagnostic {
        if let tab = leadingTab(atOrAbove: mark.line) {
            return .error("có ký tự Tab ở đầu dòng; YAML chỉ dùng dấu cách để thụt lề, hãy thay Tab bằng dấu cách",
                          en: "there is a Tab at the start of this line; YAML indents with spaces only, replace the "
                            + "Tab with spaces", at: at(line: tab.line, column: tab.column))
        }
        let start = context.map { at(line: $0.mark.line, column: $0.mark.column) } ?? at(mark)
        switch problem {
        case "found unexpected end of stream" where context?.text.contains("quoted") == true:
            return .error("dấu ngoặc kép mở ở đây nhưng không được đóng; thêm dấu ngoặc đóng ở cuối giá trị",
                          en: "a quote opens here but is never closed; add the closing quote at the end of the value",
                          at: start)
        case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
            let bracket = problem.hasSuffix("']'") ? "[ ]" : "{ }"
            return .error("dấu ngoặc \(bracket) mở ở đây chưa được đóng, hoặc thiếu dấu phẩy giữa các mục",
                          en: "the \(bracket) bracket opened here is never closed, or a comma is missing between items",
                          at: start)
        case "found undefined alias":
            return .error("dấu * ở đầu giá trị có nghĩa riêng trong YAML; hãy đặt giá trị trong ngoặc kép, ví dụ \"*abc\"",
                          en: "a * at the start of a value means something else in YAML; put the value in quotes, "
                            + "e.g. \"*abc\"", at: at(mark))
        case "found unknown escape character":
            return .error("trong ngoặc kép, dấu \\ phải đi với một ký tự hợp lệ; hãy dùng ngoặc đơn '...' hoặc viết \\\\",
                          en: "inside double quotes a \\ must start a valid escape; use single quotes '...' or write \\\\",
                          at: at(mark))
        case "found character that cannot start any token":
            let character = self.character(at: mark).map { "'\($0)' " } ?? ""
            return .error("ký tự \(character)không được đứng đầu một giá trị YAML; hãy đặt giá trị trong ngoặc kép",
                          en: "the character \(character)cannot start a YAML value; put the value in quotes",
                          at: at(mark))
        case "mapping values are not allowed in this context" where twoColons(on: mark):
            return .error("có hai dấu hai chấm (:) trên một dòng; nếu giá trị có dấu hai chấm, hãy đặt nó trong ngoặc "
                          + "kép, ví dụ: title: \"Mục tiêu: 70%\"",
                          en: "there are two colons (:) on one line; if the value contains a colon, put it in quotes, "
                            + "e.g. title: \"Target: 70%\"", at: at(mark))
        default:
            return .error("dòng này không khớp với các dòng trên: các mục cùng cấp phải thẳng cột (cùng số dấu cách "
                          + "đầu dòng), mỗi khóa có dấu hai chấm (:) theo sau, mỗi mục danh sách bắt đầu bằng \"- \"",
                          en: "this line does not fit the lines above: items at one level must start in the same column "
                            + "(the same number of leading spaces), every key is followed by a colon (:), every list "
                            + "item starts with \"- \"", at: at(mark))
        }
    }

    /// A tab in the indentation of the line at `line` (1-based, within this YAML) or of the line above it.
    private func leadingTab(atOrAbove line: Int) -> (line: Int, column: Int)? {
        for number in [line, line - 1] where number >= 1 && number <= lines.count {
            var column = 1
            for scalar in lines[number - 1].unicodeScalars {
                if scalar == "\t" { return (number, column) }
                if scalar != " " { break }
                column += 1
            }
        }
        return nil
    }

    private func character(at mark: Mark) -> Character? {
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let scalars = Array(lines[mark.line - 1].unicodeScalars)
        guard mark.column >= 1, mark.column <= scalars.count else { return nil }
        return Character(scalars[mark.column - 1])
    }

    private func twoColons(on mark: Mark) -> Bool {
        guard mark.line >= 1, mark.line <= lines.count else { return false }
        let before = lines[mark.line - 1].unicodeScalars.prefix(max(0, mark.column - 1))
        return String(String.UnicodeScalarView(before)).contains(": ")
    }

    private func at(_ mark: Mark) -> SourceLocation { at(line: mark.line, column: mark.column) }

    private func at(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: reader.path, line: line + reader.lineOffset, column: max(1, column))
    }
}

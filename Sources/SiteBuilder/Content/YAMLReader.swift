import Foundation
import Yams

/// Parses YAML with Yams and turns its marks into `path:line:column` diagnostics.
struct YAMLReader {
    var path: String
    /// Added to every line number, for YAML that starts below line 1 (front matter starts on line 2).
    var lineOffset: Int
    /// How numbers are written (`number_format` in site.yaml).
    var numberFormat: NumberFormat

    init(path: String, lineOffset: Int = 0, numberFormat: NumberFormat = .auto) {
        self.path = path
        self.lineOffset = lineOffset
        self.numberFormat = numberFormat
    }

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: 1 + lineOffset, column: 1) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    func location(of node: Node) -> SourceLocation { location(node.mark) }

    /// Parses a YAML document; syntax errors become one diagnostic at Yams' mark.
    /// `compose` only keeps the constructor (it builds nodes, not values); `Constructor.default` makes a new
    /// one with all its tables on every call, which was a tenth of reading a section's front matter. Never mutated.
    nonisolated(unsafe) private static let constructor = Constructor.default

    func parse(_ text: String) throws(BuildFailure) -> Node? {
        do {
            // UTF-8 named here: Yams' default reads the process environment on every call. The basic resolver
            // tags every plain scalar as a string: the loaders read scalars as text and type them themselves
            // (YAMLObject), so Yams' regular expressions for numbers, booleans and dates were only a cost. Keys are
            // then compared as written, so `1:` and `"1":` in one mapping are reported as the same key twice.
            let node = try Yams.compose(yaml: text, .basic, Self.constructor, .utf8)
            if let node { try checkBounds(node) }
            return node
        } catch let failure as BuildFailure {
            throw failure
        } catch let error as YamlError {
            throw BuildFailure(diagnostics: [diagnostic(for: error, text: text)])
        } catch {
            throw BuildFailure(diagnostics: [.error("không đọc được tệp YAML này", en: "this YAML file cannot be read",
                                                    at: location(nil))])
        }
    }

    /// Walks the document as the loaders will, aliases expanded, and stops at Limits.yamlValues values or
    /// Limits.yamlDepth levels: a small file whose aliases (`*name`) repeat parts of it cannot blow up a build.
    func checkBounds(_ root: Node) throws(BuildFailure) {
        var count = 0
        var bytes = 0
        var stack: [(Node, Int)] = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            count += 1
            bytes += node.scalar?.string.utf8.count ?? 0
            if count > Limits.yamlValues || bytes > Limits.yamlExpandedBytes {
                let size = Limits.megabytes(Limits.yamlExpandedBytes)
                throw BuildFailure(diagnostics: [.error(
                    "tệp có hơn \(Limits.yamlValues) giá trị hoặc hơn \(size) chữ khi mở rộng các tham chiếu (*tên); "
                        + "hãy viết thẳng các giá trị ra",
                    en: "the file holds more than \(Limits.yamlValues) values or \(size) of text once its aliases "
                        + "(*name) are expanded; write the values out instead", at: location(of: root))])
            }
            if depth > Limits.yamlDepth {
                throw BuildFailure(diagnostics: [.error(
                    "YAML lồng nhau quá \(Limits.yamlDepth) cấp", en: "the YAML is nested more than "
                        + "\(Limits.yamlDepth) levels deep", at: location(of: node))])
            }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping { stack.append((key, depth + 1)); stack.append((value, depth + 1)) }
            case .sequence(let sequence):
                for item in sequence { stack.append((item, depth + 1)) }
            default:
                break
            }
        }
    }

    func diagnostic(for error: YamlError, text: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return YAMLSyntax(reader: self, text: text).diagnostic(problem: problem, context: context, mark: mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return .error("khóa \(keys) xuất hiện hai lần; mỗi khóa chỉ được ghi một lần",
                          en: "the key \(keys) appears twice; write each key once", at: location(context.mark))
        case let .reader(problem, offset, _, yaml):
            var loc = location(nil)
            if let offset, let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) {
                let prefix = yaml[..<index]
                let line = prefix.filter { $0 == "\n" }.count + 1
                let column = prefix.split(separator: "\n", omittingEmptySubsequences: false).last.map {
                    $0.unicodeScalars.count + 1
                } ?? 1
                loc = SourceLocation(path: path, line: line + lineOffset, column: column)
            }
            let encoding = problem.contains("invalid") || problem.contains("UTF")
            return .error(encoding ? "tệp không phải văn bản UTF-8 hợp lệ; hãy lưu lại với bảng mã UTF-8"
                                   : "có ký tự không được phép trong tệp YAML ở đây; hãy xóa nó",
                          en: encoding ? "the file is not valid UTF-8 text; save it again as UTF-8"
                                       : "a character that YAML does not allow is here; remove it", at: loc)
        default:
            return .error("không đọc được tệp YAML này", en: "this YAML file cannot be read", at: location(nil))
        }
    }
}

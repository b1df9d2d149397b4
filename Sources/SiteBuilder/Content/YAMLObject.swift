import Foundation
import Yams

/// A YAML mapping whose keys are checked against the keys a file kind allows.
struct YAMLObject {
    var reader: YAMLReader
    var node: Node
    var entries: [(key: String, keyNode: Node, value: Node)]

    /// Reads a mapping node; anything else is an error at its mark.
    init(_ node: Node, reader: YAMLReader, what: Message) throws(BuildFailure) {
        self.reader = reader
        self.node = node
        guard let mapping = node.mapping else {
            throw BuildFailure(diagnostics: [.error(
                what + Message(vi: " phải gồm các dòng 'khóa: giá trị'",
                                                         en: " must be made of 'key: value' lines"),
                at: reader.location(of: node))])
        }
        entries = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    /// Reports keys that are not in `allowed`, naming the nearest valid one: an error where a key changes what
    /// is computed (indicator definitions), a warning where it is ignored harmlessly (site.yaml, front matter).
    /// - Parameter misplaced: keys that belong at another level, with the hint to give instead of a spelling.
    func checkUnknownKeys(allowed: [String], what: Message, severity: Diagnostic.Severity = .error,
                          misplaced: [String: Message] = [:], log: inout DiagnosticLog) {
        for (index, entry) in entries.enumerated() where !allowed.contains(entry.key) {
            if let comma = decimalComma(at: index) {
                log.append(Diagnostic(path: comma.location.path, line: comma.location.line,
                                      column: comma.location.column, message: comma.message))
                continue
            }
            let shown = CleanText.excerpt(entry.key)
            let ignored = severity == .warning ? Message(vi: ", bị bỏ qua", en: ", ignored") : .empty
            let message = Message(vi: "khóa '\(shown)' không có trong ", en: "unknown key '\(shown)' in ") + what
                + ignored + (misplaced[entry.key] ?? Suggestion.didYouMean(entry.key, in: allowed))
            log.append(Diagnostic(path: reader.path, line: reader.location(of: entry.keyNode).line,
                                  column: reader.location(of: entry.keyNode).column, severity: severity,
                                  message: message))
        }
    }

    /// `{year: 2025, value: 4,5}` splits into `value: 4` and a key `5`: a decimal comma inside `{ }`.
    private func decimalComma(at index: Int) -> (location: SourceLocation, message: Message)? {
        let entry = entries[index]
        guard index > 0, !entry.key.isEmpty, entry.key.allSatisfy(\.isASCIIDigit), entry.value.null != nil,
              let previous = entries[index - 1].value.scalar?.string, !previous.isEmpty,
              previous.allSatisfy(\.isASCIIDigit) else { return nil }
        let key = entries[index - 1].key
        return (reader.location(of: entries[index - 1].value), Message(
            vi: "'\(key): \(previous),\(entry.key)' bị YAML tách làm hai ở dấu phẩy; trong dấu ngoặc { } hãy viết "
                + "số thập phân bằng dấu chấm: \(key): \(previous).\(entry.key)",
            en: "YAML splits '\(key): \(previous),\(entry.key)' at the comma; inside { } write the decimal with a dot: "
                + "\(key): \(previous).\(entry.key)"))
    }

    func value(_ key: String) -> Node? { entries.first { $0.key == key }?.value }

    var location: SourceLocation { reader.location(of: node) }

    func location(of key: String) -> SourceLocation {
        if let entry = entries.first(where: { $0.key == key }) { return reader.location(of: entry.keyNode) }
        return location
    }

    /// A required non-empty string; a missing key is reported at the mapping's start.
    func requiredString(_ key: String, what: Message, log: inout DiagnosticLog) -> String? {
        required(key, what: what, log: &log).flatMap { string($0, key: key, log: &log) }
    }

    /// The value of a key that must be there; a missing key is reported at the mapping's start.
    func required(_ key: String, what: Message, log: inout DiagnosticLog) -> Node? {
        guard let node = value(key) else {
            log.error(Message(vi: "thiếu khóa bắt buộc '\(key)' trong ", en: "missing required key '\(key)' in ") + what,
                      at: location)
            return nil
        }
        return node
    }

    func optionalString(_ key: String, log: inout DiagnosticLog) -> String? {
        guard let node = value(key) else { return nil }
        return string(node, key: key, log: &log)
    }

    func string(_ node: Node, key: String, log: inout DiagnosticLog) -> String? {
        guard let scalar = node.scalar else {
            log.error("'\(key)' phải là một giá trị, không phải danh sách hay nhóm khóa",
                      en: "'\(key)' must be a single value, not a list or mapping", at: reader.location(of: node))
            return nil
        }
        let text = CleanText.trimmingWhitespace(scalar.string)
        if text.isEmpty || node.null != nil {
            log.error("'\(key)' đang để trống", en: "'\(key)' is empty", at: reader.location(of: node))
            return nil
        }
        if let control = CleanText.firstControlCharacter(in: text) {
            log.error("'\(key)' có ký tự điều khiển \(control); hãy xóa nó",
                      en: "'\(key)' contains the control character \(control); remove it", at: reader.location(of: node))
            return nil
        }
        return text
    }

    /// A required id in the shared grammar (letters and digits in groups joined by single dashes).
    func identifier(_ key: String, what: Message, example: String, log: inout DiagnosticLog) -> String? {
        let id = requiredString(key, what: what, log: &log)
        if let id, !Slug.isIdentifier(id) {
            log.error("'\(key)' chỉ gồm chữ A–Z và chữ số, các nhóm nối bằng một dấu gạch ngang, ví dụ \(example)",
                      en: "'\(key)' must be letters A–Z and digits in groups joined by single dashes, e.g. \(example)",
                      at: location(of: key))
        }
        return id
    }

    func requiredInt(_ key: String, what: Message, log: inout DiagnosticLog) -> Int? {
        required(key, what: what, log: &log).flatMap { int($0, key: key, log: &log) }
    }

    func optionalInt(_ key: String, log: inout DiagnosticLog) -> Int? {
        guard let node = value(key) else { return nil }
        return int(node, key: key, log: &log)
    }

    /// A year within Limits.years.
    func year(_ node: Node, key: String, log: inout DiagnosticLog) -> Int? {
        guard let value = int(node, key: key, log: &log) else { return nil }
        guard Limits.years.contains(value) else {
            let range = "\(Limits.years.lowerBound)–\(Limits.years.upperBound)"
            log.error("'\(key)' \(value) không phải là một năm hợp lý (\(range))",
                      en: "'\(key)' \(value) is not a plausible year (\(range))", at: reader.location(of: node))
            return nil
        }
        return value
    }

    func int(_ node: Node, key: String, log: inout DiagnosticLog) -> Int? {
        // Digits alone need no trimming (the common case; Foundation's trimming was most of reading `order`).
        guard let scalar = node.scalar,
              let value = Int(scalar.string) ?? Int(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            log.error("'\(key)' phải là một số nguyên, viết bằng chữ số", en: "'\(key)' must be a whole number",
                      at: reader.location(of: node))
            return nil
        }
        return value
    }

    func number(_ node: Node, key: String, log: inout DiagnosticLog) -> Double? {
        guard let scalar = node.scalar, node.null == nil else {
            log.error("'\(key)' phải là một số", en: "'\(key)' must be a number", at: reader.location(of: node))
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        let reading = NumberReader.read(text, format: reader.numberFormat)
        guard case .value(let value) = reading, value.isFinite else {
            log.error(Message(vi: "'\(key)': ", en: "'\(key)': ")
                + NumberReader.problem(text, reading: reading, format: reader.numberFormat), at: reader.location(of: node))
            return nil
        }
        guard abs(value) <= Limits.largestValue else {
            log.error("'\(key)' quá lớn: tối đa 1.000.000.000.000.000",
                      en: "'\(key)' is too large: at most 1.000.000.000.000.000 in absolute value",
                      at: reader.location(of: node))
            return nil
        }
        return value
    }

    func optionalBool(_ key: String, log: inout DiagnosticLog) -> Bool? {
        guard let node = value(key) else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "có", "co": return true
        case "false", "no", "không", "khong": return false
        default:
            log.error("'\(key)' phải là true hoặc false", en: "'\(key)' must be true or false",
                      at: reader.location(of: node))
            return nil
        }
    }

    /// A list of strings; a single string is accepted as a list of one.
    func stringList(_ key: String, log: inout DiagnosticLog) -> [String] {
        guard let node = value(key) else { return [] }
        if node.scalar != nil {
            return string(node, key: key, log: &log).map { [$0] } ?? []
        }
        guard let sequence = node.sequence else {
            log.error("'\(key)' phải là một danh sách", en: "'\(key)' must be a list", at: reader.location(of: node))
            return []
        }
        return sequence.compactMap { string($0, key: key, log: &log) }
    }
}

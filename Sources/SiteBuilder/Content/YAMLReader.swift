import Foundation
import Yams

/// Parses YAML with Yams and turns its marks into `path:line:column` diagnostics.
struct YAMLReader {
    var path: String
    /// Added to every line number, for YAML that starts below line 1 (front matter starts on line 2).
    var lineOffset: Int

    init(path: String, lineOffset: Int = 0) {
        self.path = path
        self.lineOffset = lineOffset
    }

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: 1 + lineOffset, column: 1) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    func location(of node: Node) -> SourceLocation { location(node.mark) }

    /// Parses a YAML document; syntax errors become one diagnostic at Yams' mark.
    func parse(_ text: String) throws(BuildFailure) -> Node? {
        do {
            let node = try Yams.compose(yaml: text)
            if let node { try checkBounds(node) }
            return node
        } catch let failure as BuildFailure {
            throw failure
        } catch let error as YamlError {
            throw BuildFailure(diagnostics: [diagnostic(for: error, text: text)])
        } catch {
            throw BuildFailure(diagnostics: [.error("YAML cannot be read: \(error)", at: location(nil))])
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
                throw BuildFailure(diagnostics: [.error("the file holds more than \(Limits.yamlValues) values or "
                    + "\(Limits.megabytes(Limits.yamlExpandedBytes)) of text once its aliases (*name) are expanded; "
                    + "write the values out instead", at: location(of: root))])
            }
            if depth > Limits.yamlDepth {
                throw BuildFailure(diagnostics: [.error("the YAML is nested more than \(Limits.yamlDepth) levels deep",
                                                        at: location(of: node))])
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
            var message = "YAML syntax: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line + lineOffset))"
            }
            return .error(message, at: location(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return .error("duplicate key \(keys) in \(context.text)", at: location(context.mark))
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
            return .error("YAML cannot be read: \(problem)", at: loc)
        default:
            return .error("YAML cannot be read: \(error)", at: location(nil))
        }
    }
}

/// A YAML mapping whose keys are checked against the keys a file kind allows.
struct YAMLObject {
    var reader: YAMLReader
    var node: Node
    var entries: [(key: String, keyNode: Node, value: Node)]

    /// Reads a mapping node; anything else is an error at its mark.
    init(_ node: Node, reader: YAMLReader, what: String) throws(BuildFailure) {
        self.reader = reader
        self.node = node
        guard let mapping = node.mapping else {
            throw BuildFailure(diagnostics: [
                .error("\(what) must be a mapping of 'key: value' lines", at: reader.location(of: node)),
            ])
        }
        entries = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    /// Warns about keys that are not in `allowed`, naming the nearest valid one.
    func warnUnknownKeys(allowed: [String], what: String, log: inout DiagnosticLog) {
        for entry in entries where !allowed.contains(entry.key) {
            log.warning("unknown key '\(entry.key)' in \(what), ignored\(Suggestion.didYouMean(entry.key, in: allowed))",
                        at: reader.location(of: entry.keyNode))
        }
    }

    func value(_ key: String) -> Node? { entries.first { $0.key == key }?.value }

    var location: SourceLocation { reader.location(of: node) }

    func location(of key: String) -> SourceLocation {
        if let entry = entries.first(where: { $0.key == key }) { return reader.location(of: entry.keyNode) }
        return location
    }

    /// A required non-empty string; a missing key is reported at the mapping's start.
    func requiredString(_ key: String, what: String, log: inout DiagnosticLog) -> String? {
        required(key, what: what, log: &log).flatMap { string($0, key: key, log: &log) }
    }

    /// The value of a key that must be there; a missing key is reported at the mapping's start.
    func required(_ key: String, what: String, log: inout DiagnosticLog) -> Node? {
        guard let node = value(key) else {
            log.error("missing required key '\(key)' in \(what)", at: location)
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
            log.error("'\(key)' must be a single value, not a list or mapping", at: reader.location(of: node))
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || node.null != nil {
            log.error("'\(key)' is empty", at: reader.location(of: node))
            return nil
        }
        if let control = CleanText.firstControlCharacter(in: text) {
            log.error("'\(key)' contains the control character \(control); remove it", at: reader.location(of: node))
            return nil
        }
        return text
    }

    func requiredInt(_ key: String, what: String, log: inout DiagnosticLog) -> Int? {
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
            log.error("'\(key)' \(value) is not a plausible year (\(Limits.years.lowerBound)–\(Limits.years.upperBound))",
                      at: reader.location(of: node))
            return nil
        }
        return value
    }

    func int(_ node: Node, key: String, log: inout DiagnosticLog) -> Int? {
        guard let scalar = node.scalar, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            log.error("'\(key)' must be a whole number", at: reader.location(of: node))
            return nil
        }
        return value
    }

    func number(_ node: Node, key: String, log: inout DiagnosticLog) -> Double? {
        let text = node.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
        guard node.scalar != nil, let value = Double(text), value.isFinite else {
            log.error("'\(key)' must be a number (use a dot for decimals: 12.5)", at: reader.location(of: node))
            return nil
        }
        guard abs(value) <= Limits.largestValue else {
            log.error("'\(key)' is too large: at most 1.000.000.000.000.000 in absolute value",
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
            log.error("'\(key)' must be true or false", at: reader.location(of: node))
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
            log.error("'\(key)' must be a list", at: reader.location(of: node))
            return []
        }
        return sequence.compactMap { string($0, key: key, log: &log) }
    }
}

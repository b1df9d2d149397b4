/// One problem found in a user's file, printed like a compiler's: `path:line:column: error: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// Path as the user typed it or relative to the project root.
    public var path: String
    /// 1-based line, or 0 when the problem is about the whole file.
    public var line: Int
    /// 1-based column, counted in Unicode scalars, or 0 when the problem is about the whole file.
    public var column: Int
    public var severity: Severity
    public var message: Message

    public init(path: String, line: Int = 0, column: Int = 0, severity: Severity = .error, message: Message) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public init(path: String, line: Int = 0, column: Int = 0, severity: Severity = .error, _ vi: String, en: String) {
        self.init(path: path, line: line, column: column, severity: severity, message: Message(vi: vi, en: en))
    }

    public static func error(_ message: Message, at location: SourceLocation) -> Diagnostic {
        Diagnostic(path: location.path, line: location.line, column: location.column, severity: .error,
                   message: message)
    }

    public static func error(_ vi: String, en: String, at location: SourceLocation) -> Diagnostic {
        error(Message(vi: vi, en: en), at: location)
    }

    public static func warning(_ message: Message, at location: SourceLocation) -> Diagnostic {
        Diagnostic(path: location.path, line: location.line, column: location.column, severity: .warning,
                   message: message)
    }

    public var location: SourceLocation { SourceLocation(path: path, line: line, column: column) }

    /// `path:line:column: error: message` in Vietnamese, the message made safe to print (see CleanText.message).
    public var description: String { formatted(.vi) }

    /// `path:line:column: error: message` with the message in `language`. The words `error`/`warning` stay
    /// English in both, for editors and CI that look for them.
    public func formatted(_ language: Language) -> String {
        let text = CleanText.message(message.text(language))
        let shownPath = CleanText.excerpt(path, limit: 300)
        if line > 0 {
            return "\(shownPath):\(line):\(column > 0 ? column : 1): \(severity.rawValue): \(text)"
        }
        return "\(shownPath): \(severity.rawValue): \(text)"
    }
}

/// A place in a user's file.
public struct SourceLocation: Sendable, Hashable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }
}

/// Thrown when a build step found errors; carries every diagnostic found so far, warnings included.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

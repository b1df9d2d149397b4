/// Collects the diagnostics of a build so that all errors are reported, not only the first.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    public mutating func error(_ message: Message, at location: SourceLocation) {
        append(.error(message, at: location))
    }

    public mutating func error(_ vi: String, en: String, at location: SourceLocation) {
        append(.error(Message(vi: vi, en: en), at: location))
    }

    public mutating func warning(_ message: Message, at location: SourceLocation) {
        append(.warning(message, at: location))
    }

    public mutating func warning(_ vi: String, en: String, at location: SourceLocation) {
        append(.warning(Message(vi: vi, en: en), at: location))
    }

    /// Changes the diagnostics recorded since `start` (a count of `diagnostics` taken before).
    public mutating func amend(from start: Int, _ change: (inout Diagnostic) -> Void) {
        for index in diagnostics.indices where index >= start { change(&diagnostics[index]) }
    }

    /// Diagnostics in a stable order: by path, then line, then column, errors before warnings on a tie.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let a = lhs.element, b = rhs.element
            if a.path != b.path { return a.path < b.path }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}

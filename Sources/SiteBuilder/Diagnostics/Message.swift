/// The language diagnostics are printed in: Vietnamese by default, English with `--lang en`.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case vi
    case en
}

/// A diagnostic's message in both languages. Vietnamese is what department staff read by default; the English
/// text is for `--lang en`. Both say the same thing in plain words, never a parser's internal terms.
public struct Message: Sendable, Hashable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }

    public static func + (lhs: Message, rhs: Message) -> Message {
        Message(vi: lhs.vi + rhs.vi, en: lhs.en + rhs.en)
    }

    static let empty = Message(vi: "", en: "")
}

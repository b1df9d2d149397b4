/// Yes/no cells: exactly `có`/`không`, `yes`/`no`, `true`/`false`, `1`/`0`, in any letter case. Nothing else is
/// guessed: `x`, `co` or `ok` is an error that lists the words.
enum YesNo {
    static let yes = ["có", "yes", "true", "1"]
    static let no = ["không", "no", "false", "0"]

    static func parse(_ text: String) -> Bool? {
        let word = text.lowercased()
        if yes.contains(word) { return true }
        if no.contains(word) { return false }
        return nil
    }

    static func problem(column: String, text: String) -> Message {
        let shown = CleanText.excerpt(text)
        var hint = Message.empty
        switch Suggestion.fold(text) {
        case "co", "c", "x", "v", "ok", "y": hint = Message(vi: "; nếu ý là có, hãy viết 'có'", en: "; for yes write 'có'")
        case "khong", "k", "ko", "n", "-": hint = Message(vi: "; nếu ý là không, hãy viết 'không'",
                                                          en: "; for no write 'không'")
        default: break
        }
        return Message(vi: "'\(column)' chỉ nhận 'có' hoặc 'không' (hoặc yes/no, true/false, 1/0), không nhận '\(shown)'",
                       en: "'\(column)' must be có or không (or yes/no, true/false, 1/0), not '\(shown)'") + hint
    }
}

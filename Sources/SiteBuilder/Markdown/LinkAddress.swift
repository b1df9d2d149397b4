/// What is wrong with a Markdown link's address that would leave the link going nowhere on the page: none at all
/// (`[chữ]()`), or one that safe mode removes (`javascript:`, `vbscript:`, `file:`, and `data:` but for PNG, GIF,
/// JPEG and WebP images: libcmark's rule), such as a link to a file on the author's computer. An error, as a link
/// to a section that does not exist is: a citizen would find a link that does nothing. `text` (the link's text,
/// for the message) is asked for only when something is wrong.
enum LinkAddress {
    static func problem(_ url: String, text: () -> String) -> Message? {
        if url.allSatisfy({ $0 == " " || $0 == "\t" }) {
            let shownText = CleanText.excerpt(text(), limit: 60)
            return Message(vi: "liên kết '\(shownText)' không có địa chỉ, nên bấm vào sẽ không đi đâu cả; hãy viết "
                               + "[chữ](địa-chỉ)",
                           en: "the link '\(shownText)' has no address, so it would go nowhere; write [text](address)")
        }
        guard isRemovedBySafeMode(url) else { return nil }
        let (shownURL, shownText) = (CleanText.excerpt(url, limit: 60), CleanText.excerpt(text(), limit: 60))
        return Message(vi: "địa chỉ '\(shownURL)' của liên kết '\(shownText)' bị bỏ vì không an toàn, nên bấm vào sẽ "
                           + "không đi đâu cả; hãy dùng địa chỉ http(s):// hoặc một tệp .md",
                       en: "the address '\(shownURL)' of the link '\(shownText)' is removed as unsafe, so the link "
                           + "would go nowhere; use an http(s):// address or a .md file")
    }

    /// libcmark's `_scan_dangerous_url`, case-insensitively at the start of the address.
    static func isRemovedBySafeMode(_ url: String) -> Bool {
        let lowered = url.lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("file:") {
            return true
        }
        guard lowered.hasPrefix("data:") else { return false }
        return !["png", "gif", "jpeg", "webp"].contains { lowered.hasPrefix("data:image/" + $0) }
    }
}

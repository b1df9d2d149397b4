/// What is wrong with the address of a Markdown link or image that would leave it going nowhere on the page: none
/// at all (`[chữ]()`), or one that safe mode removes (`javascript:`, `vbscript:`, `file:`, and `data:` but for PNG,
/// GIF, JPEG and WebP images: libcmark's rule), such as a file on the author's computer. An error, as a link to a
/// section that does not exist is: a citizen would find a link that does nothing, or no picture. `text` (the
/// link's text or the image's description, for the message) is asked for only when something is wrong.
enum LinkAddress {
    static func problem(_ url: String, image: Bool, text: () -> String) -> Message? {
        let what = image ? Message(vi: "ảnh", en: "image") : Message(vi: "liên kết", en: "link")
        let (goes, going) = image ? (Message(vi: "trang sẽ không có ảnh này", en: "the page would not show it"),
                                     Message(vi: "![mô tả](địa-chỉ)", en: "![description](address)"))
            : (Message(vi: "bấm vào sẽ không đi đâu cả", en: "it would go nowhere"),
               Message(vi: "[chữ](địa-chỉ)", en: "[text](address)"))
        if url.allSatisfy({ $0 == " " || $0 == "\t" }) {
            let shownText = CleanText.excerpt(text(), limit: 60)
            return Message(vi: "\(what.vi) '\(shownText)' không có địa chỉ, nên \(goes.vi); hãy viết \(going.vi)",
                           en: "the \(what.en) '\(shownText)' has no address, so \(goes.en); write \(going.en)")
        }
        guard isRemovedBySafeMode(url) else { return nil }
        let (shownURL, shownText) = (CleanText.excerpt(url, limit: 60), CleanText.excerpt(text(), limit: 60))
        return Message(vi: "địa chỉ '\(shownURL)' của \(what.vi) '\(shownText)' bị bỏ vì không an toàn, nên \(goes.vi); "
                           + "hãy dùng địa chỉ http(s):// hoặc "
                           + (image ? "một ảnh trong Templates/assets/" : "một tệp .md"),
                       en: "the address '\(shownURL)' of the \(what.en) '\(shownText)' is removed as unsafe, so \(goes.en); "
                           + "use an http(s):// address or "
                           + (image ? "an image in Templates/assets/" : "a .md file"))
    }

    /// libcmark's `_scan_dangerous_url`, case-insensitively at the start of the address. Only the first 15
    /// characters are lowered (the longest scheme looked at, `data:image/jpeg`): every link of every section
    /// passes here, and a short text is lowered without allocating.
    static func isRemovedBySafeMode(_ url: String) -> Bool {
        let lowered = String(url.prefix(15)).lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("file:") {
            return true
        }
        guard lowered.hasPrefix("data:") else { return false }
        return !["png", "gif", "jpeg", "webp"].contains { lowered.hasPrefix("data:image/" + $0) }
    }
}

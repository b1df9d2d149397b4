import Testing
@testable import SiteBuilder

/// `{name}` placeholders are filled in one pass: a value holding a placeholder stays as it is, an unknown name or
/// an unclosed brace stays in the text, and `{count}` is written in the language's numbers.
@Suite struct InterfaceTextFillTests {
    static let text = InterfaceText(language: "vi", entries: [
        "group_description": "Nhóm {name}: {count} chỉ tiêu, {không_có} {",
        "data_title": "Dữ liệu {a}{b}} và {",
        "nav_home": "Trang chủ",
    ])

    @Test func placeholdersAreFilledOnce() {
        #expect(Self.text.format(.dataTitle, ["a": "{b}", "b": "ồ"]) == "Dữ liệu {b}ồ} và {")
        #expect(Self.text.format(.navHome, ["a": "x"]) == "Trang chủ")
        #expect(Self.text.format(.groupDescription, count: 12_345, ["name": "Thư viện"])
            == "Nhóm Thư viện: 12.345 chỉ tiêu, {không_có} {")
    }
}

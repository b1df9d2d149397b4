import Testing
@testable import SiteBuilder

@Suite struct SlugTests {
    @Test(arguments: [
        ("Mục đích", "muc-dich"),
        ("Đẩy mạnh", "day-manh"),
        ("I. Mục đích, yêu cầu", "i-muc-dich-yeu-cau"),
        ("Thừa Thiên Huế", "thua-thien-hue"),
        ("  Hệ thống   thư viện! ", "he-thong-thu-vien"),
        ("ĐỒNG ý 2030", "dong-y-2030"),
        ("Quỹ — “Học tập” suốt đời", "quy-hoc-tap-suot-doi"),
        ("!!!", ""),
    ])
    func vietnameseSlugs(_ text: String, _ slug: String) {
        #expect(Slug.make(text) == slug)
    }

    @Test func collisionsGetNumbers() {
        var registry = SlugRegistry(reserved: ["noi-dung"])
        #expect(registry.unique(for: "Mục đích") == "muc-dich")
        #expect(registry.unique(for: "Mục đích") == "muc-dich-2")
        #expect(registry.unique(for: "Mục  Đích") == "muc-dich-3")
        #expect(registry.unique(for: "Nội dung") == "noi-dung-2")
        #expect(registry.unique(for: "???") == "muc")
    }
}

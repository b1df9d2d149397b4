import Foundation
import Testing
@testable import SiteBuilder

/// The index of a large site is quoted in two halves at once (SearchIndex.bytes): it must be the entries one after
/// the other, each as a one-entry index writes it, with `,\n` between them, and read back as the entries.
struct SearchIndexBytesTests {
    @Test func twoHalvesGiveTheEntriesInOrder() throws {
        let texts = ["Thư viện \"số\"", "a\\b", "dòng\nmới", "<script>", "Đ ế € 𝕏", String(repeating: "ư ", count: 900)]
        for count in [0, 1, 1_999, 2_000, 5_001] {
            let entries = (0..<count).map { index in
                SearchIndex.Entry(url: "p\(index)/", title: "Phần \(index) \(texts[index % texts.count])",
                                  kind: index % 7 == 0 ? "indicator" : "section", body: texts[(index + 3) % texts.count])
            }
            let lines = entries.map { entry -> [UInt8] in
                let one = SearchIndex.bytes([entry])
                return Array(one[2..<(one.count - 3)])
            }
            var expected = Array("[\n".utf8)
            for (index, line) in lines.enumerated() { expected += (index == 0 ? [] : Array(",\n".utf8)) + line }
            expected += Array("\n]\n".utf8)
            let bytes = SearchIndex.bytes(entries)
            #expect(bytes == expected, "\(count) entries")
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: String]])
            #expect(decoded.map { $0["u"] ?? "" } == entries.map(\.url))
        }
    }
}

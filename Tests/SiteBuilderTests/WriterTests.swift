import Testing
@testable import SiteBuilder

@Suite struct WriterTests {
    @Test func csvCellsAreNeutralised() {
        #expect(CSVWriter.neutralise("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVWriter.neutralise("+84 123") == "'+84 123")
        #expect(CSVWriter.neutralise("@cmd") == "'@cmd")
        #expect(CSVWriter.neutralise("-2+3") == "'-2+3")
        #expect(CSVWriter.neutralise("-3.5") == "-3.5")
        #expect(CSVWriter.neutralise("Thư viện") == "Thư viện")
        #expect(CSVWriter.write(header: ["a", "b"], rows: [["x,y", "say \"hi\""]]) == "a,b\r\nx,y\r\n"
            .replacingOccurrences(of: "x,y\r\n", with: "\"x,y\",\"say \"\"hi\"\"\"\r\n"))
    }

    /// A line break written CR LF, or a comma or quote followed by a combining mark, is one character to Swift but
    /// still ends a CSV field or row: such cells are quoted.
    @Test func csvQuotesLineBreaksAndMarksByTheirBytes() {
        #expect(CSVWriter.write(header: ["a"], rows: [["dòng 1\r\ndòng 2"], [",\u{301}"], ["\"\u{301}"]])
            == "a\r\n\"dòng 1\r\ndòng 2\"\r\n\",\u{301}\"\r\n\"\"\"\u{301}\"\r\n")
        #expect(CSVWriter.write(header: [], rows: []) == "\r\n")
        #expect(CSVWriter.write(header: ["=1+1", "-2", "\r\nx"], rows: []) == "'=1+1,-2,\"'\r\nx\"\r\n")
    }

    @Test func jsonIsSortedAndStable() {
        let value = JSONValue.object(["b": .number(66.666_666_7), "a": .array([.integer(1), .null, .string("\"ồ\"\n")])])
        #expect(value.serialized() == "{\n  \"a\": [\n    1,\n    null,\n    \"\\\"ồ\\\"\\n\"\n  ],\n  \"b\": 66.6667\n}")
    }

    @Test func jsonNestsEmptyContainersAndIndents() {
        let value = JSONValue.object(["x": .object([:]), "y": .array([]), "z": .array([.object(["k": .bool(true)])])])
        #expect(value.serialized() == "{\n  \"x\": {},\n  \"y\": [],\n  \"z\": [\n    {\n      \"k\": true\n    }\n  ]\n}")
        #expect(JSONValue.number(.nan).serialized() == "null")
    }

    /// The order a build knows is used only while it still matches the entries; otherwise the paths are sorted.
    @Test func manifestLinesAreSortedWhateverOrderItWasGiven() {
        let entry = { (digit: String) in
            Manifest.Entry(digest: DigestValue(hex: String(repeating: digit, count: 64)) ?? .missing, size: 1,
                           fingerprint: StableHasher.sha256(digit))
        }
        var manifest = Manifest(entries: ["b/index.html": entry("1"), "a.css": entry("2"), "c.json": entry("3")])
        let sorted = manifest.serialized()
        manifest.sortedPaths = ["a.css", "b/index.html", "c.json"]
        #expect(manifest.serialized() == sorted)
        for stale in [["c.json", "a.css", "b/index.html"], ["a.css", "b/index.html"], ["a.css", "b/index.html", "d"]] {
            manifest.sortedPaths = stale
            #expect(manifest.serialized() == sorted)
        }
        let lines = String(decoding: sorted, as: UTF8.self).split(separator: "\n").dropFirst().map { $0.prefix(6) }
        #expect(lines == ["a.css\t", "b/inde", "c.json"])
        // The entries in order, as a build gives them, are written as they are, and dropped once entries change.
        manifest.sortedEntries = ["a.css", "b/index.html", "c.json"].compactMap { path in
            manifest.entries[path].map { (path, $0) }
        }
        #expect(manifest.serialized() == sorted)
        manifest.entries["c.json"] = entry("4")
        #expect(manifest.sortedEntries == nil)
        let changed = String(decoding: manifest.serialized(), as: UTF8.self)
        #expect(changed.contains("c.json\t" + String(repeating: "4", count: 64)))
    }

    @Test func manifestCopiesOnlyTheLinesItWouldWriteTheSame() throws {
        let entry = { (digit: String, size: Int) in
            Manifest.Entry(digest: DigestValue(hex: String(repeating: digit, count: 64)) ?? .missing, size: size,
                           fingerprint: StableHasher.sha256(digit))
        }
        let published = Manifest(entries: ["a.css": entry("1", 5), "b/index.html": entry("2", 17),
                                           "c/index.html": entry("3", 0), "d.json": entry("4", 120),
                                           "é/index.html": entry("5", 9)])
        // The file as a hand may have left it: `d.json`'s size with a leading zero (it parses to the same entry).
        var text = String(decoding: published.serializedBytes(), as: UTF8.self)
        text = text.replacingOccurrences(of: "\t120\t", with: "\t0120\t")
        let read = try #require(Manifest.parse(Array(text.utf8)))
        #expect(read.entries == published.entries)
        // The next build: one file changed, one gone, one new; the rest as published.
        var next = published
        next.entries["b/index.html"] = entry("6", 18)
        next.entries["c/index.html"] = nil
        next.entries["bb.txt"] = entry("7", 3)
        var copying = next
        copying.basis = read.lines
        #expect(copying.serializedBytes() == next.serializedBytes())
        #expect(String(decoding: copying.serializedBytes(), as: UTF8.self).contains("d.json\t" + String(repeating: "4", count: 64) + "\t120\t"))
    }

    @Test func csvParserTracksLinesAndQuotes() async throws {
        let file = SourceFile(path: "t.csv", text: "a,b\n1,\"x\ny\"\n\n2,\"q\"\"q\"\n")
        let table = try CSVTable.parse(file)
        #expect(table.header == ["a", "b"])
        #expect(table.rows.map(\.line) == [2, 5])
        #expect(table.rows[0].cells == ["1", "x\ny"])
        #expect(table.rows[1].cells == ["2", "q\"q"])
        #expect(table.rows[1].columns == [1, 3])
        #expect(throws: BuildFailure.self) { try CSVTable.parse(SourceFile(path: "t.csv", text: "a\n\"open\n")) }
    }
}

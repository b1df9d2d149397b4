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

    @Test func jsonIsSortedAndStable() {
        let value = JSONValue.object(["b": .number(66.666_666_7), "a": .array([.integer(1), .null, .string("\"ồ\"\n")])])
        #expect(value.serialized() == "{\n  \"a\": [\n    1,\n    null,\n    \"\\\"ồ\\\"\\n\"\n  ],\n  \"b\": 66.6667\n}")
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

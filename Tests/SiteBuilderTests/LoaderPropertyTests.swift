import Foundation
import Testing
@testable import SiteBuilder

/// Random mutations of the example's own files, fed to each loader: none may crash, hang or report an error
/// without a location. Bounded here (300 cases a loader, seeded, so a failure reproduces); run longer with
/// `TIENDO_PROPERTY_CASES=100000 swift test --filter LoaderPropertyTests`, or fuzz with `fuzz/run.sh`.
@Suite struct LoaderPropertyTests {
    /// SplitMix64: a small seeded generator, the same sequence on every machine.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pieces that tend to break loaders: separators, YAML syntax, aliases, escapes, huge and odd numbers.
    static let tokens = [":", "\n", "  ", "\t", "- ", "*a", "&a ", "\"", "'", ",", ";", "{", "}", "[", "]", "#", "~",
                         "\\e", "\u{0}", "\u{1B}", "1e300", "99999999999999999999", "-1", "0", "---\n", "```indicator X\n",
                         "`{TV-02}`", "[x](01-a.md#b)", "## ", "\r\n", "có", "không", "158.340", "4,5", "\u{FEFF}"]

    static func seeds(for loader: LoaderFuzzing.Loader) throws -> [[UInt8]] {
        let content = TestSite.repository.appendingPathComponent("Content")
        let files: [String] = switch loader {
        case .frontMatter, .markdown: try FileManager.default.contentsOfDirectory(atPath: content.path + "/sections")
            .map { "sections/" + $0 }
        case .definition: try FileManager.default.contentsOfDirectory(atPath: content.path + "/indicators")
            .map { "indicators/" + $0 } + ["categories.yaml"]
        case .siteConfig: ["site.yaml"]
        case .csv: ["data/hoat-dong.csv", "data/co-so.csv"]
        }
        return try files.sorted().map { [UInt8](try Data(contentsOf: content.appendingPathComponent($0))) }
    }

    static func mutate(_ input: [UInt8], _ generator: inout Generator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0 where !bytes.isEmpty:
                bytes[position] = UInt8.random(in: 0...255, using: &generator)
            case 1:
                let token = tokens[Int.random(in: 0..<tokens.count, using: &generator)]
                bytes.insert(contentsOf: Array(token.utf8), at: position)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...64, using: &generator))
                bytes.removeSubrange(position..<end)
            case 3 where !bytes.isEmpty && bytes.count < 200_000:
                let end = min(bytes.count, position + Int.random(in: 1...256, using: &generator))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            default:
                bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
            }
        }
        return bytes
    }

    @Test(arguments: LoaderFuzzing.Loader.allCases)
    func mutatedInputsNeverCrashAndErrorsAreLocated(_ loader: LoaderFuzzing.Loader) throws {
        let seeds = try Self.seeds(for: loader)
        let cases = Int(ProcessInfo.processInfo.environment["TIENDO_PROPERTY_CASES"] ?? "") ?? 300
        var generator = Generator(state: 288)
        var unlocated: [String] = []
        for index in 0..<cases {
            let seed = seeds[index % seeds.count]
            let input = index % 25 == 24
                ? (0..<Int.random(in: 0...512, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                : Self.mutate(seed, &generator)
            let diagnostics = LoaderFuzzing.run(loader, Data(input))
            if !LoaderFuzzing.isLocated(diagnostics) {
                unlocated.append("case \(index): \(diagnostics.map(\.description))")
            }
        }
        #expect(unlocated.isEmpty, "\(unlocated.prefix(3))")
    }
}

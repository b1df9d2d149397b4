import Foundation
import PropertyBased
import Testing
@testable import SiteBuilder

/// Random bytes and random mutations of the example's own files, fed to each loader and to whole builds, drawn by
/// PropertyBased (swift-property-based): none may crash, hang or report an error without a location. Bounded here
/// (200 cases a loader; a failure prints the seed to reproduce it with `.fixedSeed`); run longer with
/// `TIENDO_PROPERTY_CASES=20000 swift test --filter LoaderPropertyTests`, or fuzz with `fuzz/run.sh`.
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
            .filter { $0.hasSuffix(".md") }
            .map { "sections/" + $0 }
        case .definition: try FileManager.default.contentsOfDirectory(atPath: content.path + "/indicators")
            .map { "indicators/" + $0 } + ["categories.yaml"]
        case .siteConfig: ["site.yaml"]
        case .csv: ["data/hoat-dong.csv", "data/co-so.csv", "../examples/nuoc-sach/Content/data/chi-tieu.csv"]
        case .xlsx: ["../examples/nuoc-sach/Content/data/kiem-nghiem.xlsx"]
        case .tasks: ["tasks.yaml", "../examples/nuoc-sach/Content/tasks.yaml"]
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

    static var cases: Int { Int(ProcessInfo.processInfo.environment["TIENDO_PROPERTY_CASES"] ?? "") ?? 200 }

    /// Mutations of the example's own files (a seed file and a mutation seed drawn by PropertyBased).
    @Test(arguments: LoaderFuzzing.Loader.allCases)
    func mutatedInputsNeverCrashAndErrorsAreLocated(_ loader: LoaderFuzzing.Loader) async throws {
        let seeds = try Self.seeds(for: loader)
        await propertyCheck(count: Self.cases, input: Gen.int(in: 0...(seeds.count - 1)), Gen<UInt64>.value()) {
            file, mutation in
            var generator = Generator(state: mutation)
            let input = Data(Self.mutate(seeds[file], &generator))
            if let dump = ProcessInfo.processInfo.environment["TIENDO_PROPERTY_DUMP"] {
                try? input.write(to: URL(fileURLWithPath: dump + "-" + loader.rawValue))
            }
            let diagnostics = LoaderFuzzing.run(loader, input)
            #expect(LoaderFuzzing.isLocated(diagnostics), "\(diagnostics.map(\.description))")
        }
    }

    /// Random bytes: the loaders either accept them or say where they fail.
    @Test(arguments: LoaderFuzzing.Loader.allCases)
    func randomBytesNeverCrashAndErrorsAreLocated(_ loader: LoaderFuzzing.Loader) async {
        await propertyCheck(count: Self.cases / 2, input: Gen<UInt8>.value().array(of: 0...600)) { bytes in
            let diagnostics = LoaderFuzzing.run(loader, Data(bytes))
            #expect(LoaderFuzzing.isLocated(diagnostics), "\(diagnostics.map(\.description))")
        }
    }

    /// A whole build over a mutated data table or definition: exit 0, or located errors and no Output/.
    @Test func mutatedDataEitherBuildsOrFailsCleanly() async throws {
        let files = ["Content/data/hoat-dong.csv", "Content/data/co-so.csv", "Content/indicators/x-01.yaml"]
        await propertyCheck(count: max(10, Self.cases / 10), input: Gen.int(in: 0...(files.count - 1)),
                            Gen<UInt64>.value()) { file, mutation in
            guard let site = try? TestSite() else { return }
            defer { site.remove() }
            var generator = Generator(state: mutation)
            guard let original = try? Data(contentsOf: site.url(files[file])) else { return }
            try? Data(Self.mutate([UInt8](original), &generator)).write(to: site.url(files[file]))
            let diagnostics = await site.failures()
            let errors = diagnostics.filter { $0.severity == .error }
            #expect(LoaderFuzzing.isLocated(errors), "\(errors.map(\.description))")
            if !errors.isEmpty {
                #expect(!FileManager.default.fileExists(atPath: site.output.path))
            }
        }
    }
}

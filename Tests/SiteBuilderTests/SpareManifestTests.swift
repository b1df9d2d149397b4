import Foundation
import Testing
@testable import SiteBuilder

/// The spare's manifest read beside the published one's lines (SpareManifest), and the writer's walk over both
/// (OutputWriter.keptInSpare): the same answers as the whole manifest looked up path by path.
@Suite struct SpareManifestTests {
    static func entry(_ text: String, size: Int = 10) -> Manifest.Entry {
        Manifest.Entry(digest: StableHasher.sha256(text), size: size, fingerprint: StableHasher.sha256("f" + text))
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spare-manifest-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `entries` as a manifest file in `folder` and reads it back (stamped, with its lines).
    static func written(_ entries: [String: Manifest.Entry], in folder: URL) throws -> (Manifest, String) {
        let path = folder.appendingPathComponent(UUID().uuidString).path
        try Data(Manifest(entries: entries).serializedBytes()).write(to: URL(fileURLWithPath: path))
        return (try #require(Manifest.read(path: path)), path)
    }

    @Test func sameLinesAreFoundAndOnlyTheOthersParsed() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let published: [String: Manifest.Entry] = [
            "a/index.html": Self.entry("a"), "b/index.html": Self.entry("b"), "c/index.html": Self.entry("c"),
            "d.csv": Self.entry("d"), "é/index.html": Self.entry("é"),
        ]
        var spare = published
        spare["b/index.html"] = Self.entry("b old")
        spare["c/index.html"] = nil
        spare["bb/index.html"] = Self.entry("bb")
        let (current, _) = try Self.written(published, in: folder)
        let lines = try #require(current.lines)
        #expect(lines.count == 5)
        let (_, sparePath) = try Self.written(spare, in: folder)
        let compared = try #require(SpareManifest.read(path: sparePath, comparingWith: current))
        #expect(compared.count == 5)
        #expect(compared.wasCompared(with: current))
        // Sorted by bytes: a, b, c, d.csv, é.
        #expect(compared.sameLines == [true, false, false, true, true])
        #expect(compared.differing.count == 3)
        #expect(compared.differing["b/index.html"] == .some(Self.entry("b old")))
        #expect(compared.differing["bb/index.html"] == .some(Self.entry("bb")))
        #expect(compared.differing["c/index.html"] == .some(nil))
        for path in Set(published.keys).union(spare.keys).union(["x/index.html"]) {
            #expect(compared.entry(path, published: current) == spare[path], "\(path)")
        }
        #expect(compared.paths.sorted() == spare.keys.sorted())
        // A manifest whose entries changed since is not the one compared.
        var changed = current
        changed.entries["z"] = Self.entry("z")
        #expect(!compared.wasCompared(with: changed))
    }

    @Test func aManifestOutOfOrderOrDamagedIsReadWhole() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (current, _) = try Self.written(["a": Self.entry("a"), "b": Self.entry("b")], in: folder)
        let (_, sparePath) = try Self.written(["a": Self.entry("a"), "b": Self.entry("b")], in: folder)
        let text = try String(contentsOfFile: sparePath, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.swapAt(1, 2)
        try lines.joined(separator: "\n").write(toFile: sparePath, atomically: false, encoding: .utf8)
        #expect(SpareManifest.read(path: sparePath, comparingWith: current) == nil, "out of order")
        #expect(Manifest.read(path: sparePath)?.lines == nil, "read whole, without lines")
        try (text + "not a line\n").write(toFile: sparePath, atomically: false, encoding: .utf8)
        #expect(SpareManifest.read(path: sparePath, comparingWith: current) == nil, "damaged")
        try text.replacingOccurrences(of: "\t10\t", with: "\t1x\t")
            .write(toFile: sparePath, atomically: false, encoding: .utf8)
        #expect(SpareManifest.read(path: sparePath, comparingWith: current) == nil, "a damaged line that differs")
    }

    /// Random manifests and sites: the walk beside the lines keeps exactly the files the whole manifest keeps.
    @Test func theWalkAgreesWithLookingEachPathUp() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40 {
            func paths() -> [String] {
                (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                    ["a", "b", "c", "ă", "z", "a/b", "a-b", "A", "Đ"].randomElement(using: &generator, default: "a")
                        + "\(Int.random(in: 0...9, using: &generator))"
                }
            }
            let published = Dictionary(paths().map { ($0, Self.entry($0 + "\(round % 3)")) },
                                       uniquingKeysWith: { first, _ in first })
            var spare = published.filter { _ in Bool.random(using: &generator) }
            for path in paths() { spare[path] = Self.entry(path + "\(Int.random(in: 0...2, using: &generator))") }
            let (current, _) = try Self.written(published, in: folder)
            let (whole, sparePath) = try Self.written(spare, in: folder)
            let compared = try #require(SpareManifest.read(path: sparePath, comparingWith: current))
            let sitePaths = Set(paths() + published.keys.filter { _ in Bool.random(using: &generator) })
            let files = sitePaths.sorted().map { path in
                OutputFile(path: path, reusing: Self.entry(path + "\(Int.random(in: 0...2, using: &generator))"))
            }
            // The damage as checked ahead, or (every fourth round) not checked yet.
            let damaged: Set<String>? = round % 4 == 0 ? nil
                : Set(spare.keys.filter { _ in Int.random(in: 0..<5, using: &generator) == 0 })
            let walked = OutputWriter.keptInSpare(files, held: .compared(compared), current: current,
                                                  damaged: damaged)
            let lookedUp = OutputWriter.keptInSpare(files, held: .whole(whole), current: current,
                                                    damaged: damaged)
            #expect(walked.isKept == lookedUp.isKept, "round \(round)")
            #expect(walked.stillWanted == lookedUp.stillWanted, "round \(round)")
            #expect(walked.unchecked == lookedUp.unchecked)
        }
    }

    @Test func damagedFilesAreFoundFromTheLines() throws {
        let entries = ["a/index.html": Self.entry("a", size: 3), "b.txt": Self.entry("b", size: 2)]
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (current, _) = try Self.written(entries, in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a"),
                                                withIntermediateDirectories: true)
        try Data("abc".utf8).write(to: folder.appendingPathComponent("a/index.html"))
        try Data("b".utf8).write(to: folder.appendingPathComponent("b.txt"))
        let manifestPath = folder.appendingPathComponent(Manifest.fileName).path
        try Data(Manifest(entries: entries).serializedBytes()).write(to: URL(fileURLWithPath: manifestPath))
        let compared = try #require(SpareManifest.read(path: manifestPath, comparingWith: current))
        #expect(compared.damaged(in: folder.path) == ["b.txt"], "one byte short")
        let check = OutputWriter.SpareCheck(spare: folder)
        check.start(published: current)
        guard case .compared = check.held else {
            Issue.record("the spare's manifest was not read beside the published one")
            return
        }
        #expect(check.damaged(checking: compared.stamp) == ["b.txt"])
    }
}

extension Array {
    fileprivate func randomElement<G: RandomNumberGenerator>(using generator: inout G, default value: Element)
        -> Element {
        randomElement(using: &generator) ?? value
    }
}

import Foundation

/// Each section's text for the search index, by section path, kept apart from the build cache's entries: the
/// entries hold only each text's digest, so a build whose index does not change never reads the texts. One file
/// per edition beside the output folder (`.Output.tiendo-texts`, `.Output.tiendo-texts-en`), or, in the preview,
/// in memory. A text is used only when its digest is the one its cache entry records; a missing or damaged file
/// costs rendering those sections again, never a wrong index.
public struct SearchTexts: Sendable {
    enum Source: Sendable {
        case none
        case files(output: URL)
        case memory([String: [String: String]])
    }

    static let magic = "tiendo search texts 2"
    var source: Source

    /// The texts of one edition (`prefix` is its output prefix: "" or "en/"), by section path.
    func texts(prefix: String) -> [String: String] {
        switch source {
        case .none: return [:]
        case .memory(let editions): return editions[prefix] ?? [:]
        case .files(let output):
            return (try? Data(contentsOf: Self.url(beside: output, prefix: prefix))).flatMap(Self.parse) ?? [:]
        }
    }

    /// After a build: the texts of the editions whose index was rebuilt replace what was kept.
    func updated(with rebuilt: [String: [String: String]]) -> SearchTexts {
        switch source {
        case .none, .files: return self
        case .memory(let editions): return SearchTexts(source: .memory(editions.merging(rebuilt) { _, new in new }))
        }
    }

    static func digest(_ text: String) -> DigestValue {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.finalizeDigest()
    }

    static func url(beside output: URL, prefix: String) -> URL {
        let language = prefix.filter { $0 != "/" }
        let name = ".\(output.lastPathComponent).tiendo-texts" + (language.isEmpty ? "" : "-" + language)
        return output.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// The file, written beside `path` (see FileSystem.stage) in runs of about 128 KiB: the magic, the count, then
    /// each path and text, sorted by path. Ten thousand texts are 11 MB, which a buffer of their own would take as
    /// fresh memory at the end of a clean build.
    static func stage(_ texts: [String: String], for path: String) -> FileSystem.Staged? {
        FileSystem.stage(for: path) { sink in try write(texts, to: sink.write) }
    }

    /// Gives the file's bytes to `emit` in runs.
    private static func write(_ texts: [String: String], to emit: ([UInt8]) throws -> Void) rethrows {
        let run = 1 << 17
        var writer = BinaryWriter(capacity: run + 4096)
        writer.write(magic)
        writer.write(texts.count)
        for (path, text) in texts.sorted(by: { $0.key < $1.key }) {
            writer.write(path)
            writer.write(text)
            if writer.bytes.count >= run {
                try emit(writer.bytes)
                writer.removeAll()
            }
        }
        try emit(writer.bytes)
    }

    static func parse(_ data: Data) -> [String: String]? {
        var reader = BinaryReader(data)
        guard reader.string() == magic, let count = reader.int(), count >= 0 else { return nil }
        var texts: [String: String] = [:]
        texts.reserveCapacity(min(count, data.count / 16))
        for _ in 0..<count {
            guard let path = reader.string(), let text = reader.string() else { return nil }
            texts[path] = text
        }
        return reader.isAtEnd ? texts : nil
    }
}

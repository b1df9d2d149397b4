import Crypto
public import Foundation

/// A rebuild that changes a few pages changes a few cache entries; writing the whole cache again (3.6 MB for 10,000
/// sections) cost more than the rest of such a rebuild's writing. So the entries that differ from the cache file
/// read are written to a small changes file beside it (`.Output.tiendo-cache-changes`), which names the cache file
/// it applies to by that file's SHA-256. When the changes grow past a quarter of the cache file, the whole cache
/// is written again and the changes file removed.
///
/// A changes file that is damaged, or that belongs to another cache file, is ignored. That is safe, as is the
/// cache file alone: an entry is only used for a file whose stamp it records and a page whose published digest it
/// records, so an older entry costs reading or rendering that section again, never a wrong page.
extension BuildCache {
    /// A cache file as read: its bytes (which the entries decoded from it point into), its paths in order and the
    /// SHA-256 it ends with.
    struct Base: Sendable {
        let source: EncodedBytes
        let paths: [String]
        let checksum: [UInt8]

        /// Whether the cache file has an entry for `path` (its paths are sorted).
        func contains(_ path: String) -> Bool {
            var low = 0
            var high = paths.count
            while low < high {
                let middle = (low + high) / 2
                if paths[middle] < path { low = middle + 1 } else { high = middle }
            }
            return low < paths.count && paths[low] == path
        }
    }

    static let changesMagic = "tiendo build cache changes 3"

    public static func changesURL(beside output: URL) -> URL {
        output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).tiendo-cache-changes")
    }

    /// Puts a changes file's entries into this cache (read from its file) and takes its removed paths out, in
    /// place (a copy of ten thousand entries cost a rebuild 3 ms); false, and the cache as it was, when the changes
    /// file is damaged or was written against another cache file.
    mutating func apply(_ file: [UInt8]) -> Bool {
        guard let base, let (inputs, changed, removed) = Self.parseChanges(file, base: base) else { return false }
        self.inputs = inputs
        var samePaths = true
        for entry in changed {
            if entries.updateValue(entry, forKey: entry.section.path) == nil { samePaths = false }
        }
        for path in removed where entries.removeValue(forKey: path) != nil { samePaths = false }
        if !samePaths { sortedPaths = nil }
        return true
    }

    private static func parseChanges(_ file: [UInt8], base: Base)
        -> (inputs: String?, changed: [Entry], removed: [String])? {
        guard let payloadSize = verifiedPayloadSize(file) else { return nil }
        var reader = BinaryReader(file, range: 0..<payloadSize)
        guard reader.string() == changesMagic, let baseRange = reader.skipBytes(),
              file[baseRange].elementsEqual(base.checksum), let inputs = reader.optionalString(),
              let count = reader.int(), count >= 0, count <= payloadSize else { return nil }
        let source = EncodedBytes(file)
        var changed: [Entry] = []
        for _ in 0..<count {
            guard let range = reader.skipBytes() else { return nil }
            var entryReader = BinaryReader(source.bytes, range: range)
            guard let entry = entry(from: &entryReader, span: EncodedSpan(source: source, range: range)),
                  entryReader.isAtEnd else { return nil }
            changed.append(entry)
        }
        guard let removed = reader.strings(), reader.isAtEnd else { return nil }
        return (inputs, changed, removed)
    }

    /// The changes file's bytes: the input files' digest, the entries that are not the cache file's own (sorted
    /// by path) and the cache file's paths that are gone; nil when there is no cache file to write them against.
    func changesBytes() -> [UInt8]? {
        guard let base else { return nil }
        var writer = BinaryWriter(capacity: 4096)
        writer.write(Self.changesMagic)
        writer.write(base.checksum)
        writer.write(inputs)
        let changed = entries.values.filter { $0.encoded?.source !== base.source }
            .sorted { $0.section.path < $1.section.path }
        writer.write(changed.count)
        for entry in changed {
            if let span = entry.encoded {
                writer.write(span.source.bytes[span.range])
            } else {
                writer.write(Self.encoded(entry))
            }
        }
        // No path is gone when every changed entry replaces one of the cache file's and the counts agree.
        let baseEntries = entries.count - changed.count
        let replacing = changed.filter { base.contains($0.section.path) }.count
        let removed = baseEntries + replacing == base.paths.count ? [] : base.paths.filter { entries[$0] == nil }
        writer.write(removed.count)
        for path in removed { writer.write(path) }
        writer.append(Array(SHA256.hash(data: writer.bytes)))
        return writer.bytes
    }

    /// Writes this cache beside `output`, to be put in place once the site is published: as a changes file when
    /// the changes are at most a quarter of the cache file read, otherwise as a new cache file (which makes the
    /// changes file obsolete).
    func stage(beside output: URL) -> FileSystem.Staged? {
        if let base, let changes = changesBytes(), changes.count * 4 <= base.source.bytes.count {
            return FileSystem.stage(changes, for: Self.changesURL(beside: output).path)
        }
        let parts = serializedParts()
        var staged = FileSystem.stage(for: Self.url(beside: output).path) { sink in
            for part in parts { try sink.write(part) }
        }
        staged?.obsolete = Self.changesURL(beside: output).path
        return staged
    }
}

import Crypto
import Foundation

extension BuildCache {
    /// The cache's bytes: the magic, the count, then each entry (sorted by path) as its length and its fields, so
    /// that entries are written and read on all cores. An entry read from a cache file is written as the bytes it
    /// was read from (EncodedSpan): a rebuild that changes a few pages encodes only those.
    func serialized() -> Data { Data(serializedBytes()) }

    /// The same bytes as an array, written to the file as they are (not copied into `Data` first).
    func serializedBytes() -> [UInt8] {
        var writer = BinaryWriter()
        for part in serializedParts() { writer.append(part) }
        return writer.bytes
    }

    /// The cache's bytes in parts, in order: the header, the entries in runs encoded on all cores, and the closing
    /// SHA-256 of everything before it (a cache with any byte changed is ignored, never trusted). Written to the
    /// file part by part (`stage(beside:)`): no buffer holds the whole file.
    func serializedParts() -> [[UInt8]] {
        let sorted = KnownOrder.sorted(entries, hint: sortedPaths).map(\.value)
        let parts = (try? FileSystem.concurrently(FileSystem.chunks(of: sorted.count, perCore: 4)) { range -> [UInt8] in
            var writer = BinaryWriter(capacity: range.count * 400)
            // Each entry is encoded into one buffer, used again for the next: its length goes first.
            var fields = BinaryWriter(capacity: 1024)
            for entry in sorted[range] {
                if let span = entry.encoded {
                    writer.write(span.source.bytes[span.range])
                    continue
                }
                fields.removeAll()
                Self.write(entry, to: &fields)
                writer.write(fields.bytes)
            }
            return writer.bytes
        }) ?? []
        var header = BinaryWriter(capacity: 64)
        header.write(Self.magic)
        header.write(inputs)
        header.write(entries.count)
        var hash = SHA256()
        hash.update(data: header.bytes)
        for part in parts { hash.update(data: part) }
        return [header.bytes] + parts + [Array(hash.finalize())]
    }

    static func encoded(_ entry: Entry) -> [UInt8] {
        var fields = BinaryWriter(capacity: 1024)
        write(entry, to: &fields)
        return fields.bytes
    }

    static func write(_ entry: Entry, to writer: inout BinaryWriter) {
        let section = entry.section
        for text in [section.fileName, section.path, section.title] { writer.write(text) }
        writer.write(section.order)
        writer.write(section.summary)
        for text in [section.slug, section.bodyDigest] { writer.write(text) }
        // The stamp's seven numbers, or none (a file that is not cached by stamp).
        let stamp = section.stamp?.numbers ?? []
        writer.write(stamp.count)
        for number in stamp { writer.write(Int(number)) }
        writer.write(section.bodyFirstLine)
        writer.write(section.keyLocations.count)
        for (key, location) in section.keyLocations.sorted(by: { $0.key < $1.key }) {
            writer.write(key)
            writer.write(location.line)
            writer.write(location.column)
        }
        writer.write(entry.warnings.count)
        for warning in entry.warnings {
            writer.write(warning.path)
            writer.write(warning.line)
            writer.write(warning.column)
            writer.write(warning.message.vi)
            writer.write(warning.message.en)
        }
        writer.write(entry.dependencies.count)
        for dependency in entry.dependencies { writer.write(dependency) }
        writer.write(entry.recipe)
        writer.write(entry.outputDigest)
        writer.write(entry.anchors.count)
        for anchor in entry.anchors { writer.write(anchor) }
        writer.write(entry.searchTextDigest)
        writer.write(entry.fragmentLinks.count)
        for link in entry.fragmentLinks {
            writer.write(link.fileName)
            writer.write(link.fragment)
            writer.write(link.location.line)
            writer.write(link.location.column)
        }
    }
}

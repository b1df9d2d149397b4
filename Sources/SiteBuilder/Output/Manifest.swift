public import Foundation

/// What a build published: for each file, the SHA-256 of its bytes, its size and its fingerprint (a hash of
/// what it was rendered from). Written as `.tiendo-manifest` at the top of the output folder, one line a file:
/// `path<TAB>sha256<TAB>size<TAB>fingerprint`, sorted by path.
public struct Manifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var digest: DigestValue
        public var size: Int
        public var fingerprint: DigestValue
    }

    public static let fileName = ".tiendo-manifest"
    static let header = "# tiendo manifest 1: path, sha256, size, fingerprint"

    public var entries: [String: Entry] {
        didSet {
            sortedEntries = nil
            lines = nil
        }
    }
    /// The stamp of the manifest file it was read from (see `read(in:)`): while the file has it, it still holds
    /// these entries (the writer replaces a manifest by renaming a new file over it, and an edit in place changes
    /// the status-change time), so the writer need not read it again to know (`isStill(at:)`).
    var stamp: FileStamp?
    /// The paths in sorted order, when whoever made the manifest had them so (a build sorts its files): then
    /// `serialized()` need not sort ten thousand paths again. Checked against `entries` before it is used.
    var sortedPaths: [String]?
    /// Every entry in path order, when whoever made the manifest had them so (a build has its files sorted):
    /// `serialized()` then writes them without looking each up. Dropped when `entries` changes.
    var sortedEntries: [(path: String, entry: Entry)]?
    /// The file it was read from, line by line, when its paths are in strictly increasing byte order (a manifest a
    /// build wrote is): the spare's manifest is compared with it line by line (SpareManifest). Dropped when
    /// `entries` changes.
    var lines: Lines?
    /// The lines of the manifest this one was made from (the published one, in a rebuild): `serializedBytes()`
    /// copies each line that has the same path and entry, and is written as this manifest would write it, instead
    /// of writing it again (a one-cell rebuild of 10,000 sections changes a dozen). Only a shortcut: the bytes are
    /// the same without it. Not dropped when `entries` changes (each line is compared with its entry).
    var basis: Lines?

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    public static func == (lhs: Manifest, rhs: Manifest) -> Bool { lhs.entries == rhs.entries }

    public func serialized() -> Data { Data(serializedBytes()) }

    /// The same bytes as an array, written to the file as they are (not copied into `Data` first).
    func serializedBytes() -> [UInt8] {
        var bytes: [UInt8] = Array((Self.header + "\n").utf8)
        bytes.reserveCapacity(entries.count * 200)
        let ordered = sortedEntries.flatMap { $0.count == entries.count ? $0 : nil }
            ?? KnownOrder.sorted(entries, hint: sortedPaths).map { (path: $0.key, entry: $0.value) }
        var basisLine = 0
        for (path, entry) in ordered {
            if let basis, basis.copyLine(path, entry, from: &basisLine, to: &bytes) { continue }
            Self.appendLine(path, entry, to: &bytes)
        }
        return bytes
    }

    /// `path<TAB>sha256<TAB>size<TAB>fingerprint<LF>`.
    static func appendLine(_ path: String, _ entry: Entry, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: path.utf8)
        bytes.append(0x09)
        entry.digest.appendHex(to: &bytes)
        bytes.append(0x09)
        bytes.append(contentsOf: String(entry.size).utf8)
        bytes.append(0x09)
        entry.fingerprint.appendHex(to: &bytes)
        bytes.append(0x0A)
    }

    /// Parses a manifest; nil when it is not one (so the folder is treated as unknown and rebuilt).
    public static func parse(_ data: Data) -> Manifest? {
        data.withUnsafeBytes { parse(raw: $0) }
    }

    static func parse(_ bytes: [UInt8]) -> Manifest? {
        var recorder: Lines.Recorder? = Lines.Recorder(capacity: bytes.count / 150)
        guard var manifest = bytes.withUnsafeBytes({ parse(raw: $0, recording: &recorder) }) else { return nil }
        manifest.lines = recorder.map { Lines(bytes: bytes, recorded: $0) }
        return manifest
    }

    private static func parse(raw: UnsafeRawBufferPointer) -> Manifest? {
        var recorder: Lines.Recorder?
        return parse(raw: raw, recording: &recorder)
    }

    /// With a recorder, each line's place and entry are recorded too, until a path is not after the one before
    /// it in byte order (then the recorder is dropped).
    private static func parse(raw: UnsafeRawBufferPointer, recording recorder: inout Lines.Recorder?) -> Manifest? {
        let headerBytes = Array((header + "\n").utf8)
        let bytes = raw.bindMemory(to: UInt8.self)
        guard bytes.starts(with: headerBytes), let base = bytes.baseAddress else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(bytes.count / 150)
        var start = headerBytes.count
        while start < bytes.count {
            guard let line = parseLine(base, count: bytes.count, at: start) else { return nil }
            entries[line.path] = line.entry
            if recorder?.record(start: start, pathEnd: line.pathEnd, entry: line.entry, in: base) == false {
                recorder = nil
            }
            start = line.next
        }
        return Manifest(entries: entries)
    }

    /// The line at `start` of a manifest's `count` bytes: one line a file, path, TAB, 64 hex digits, TAB, the size
    /// in decimal digits, TAB, 64 hex digits, LF. Nil when it is not such a line.
    static func parseLine(_ base: UnsafePointer<UInt8>, count end: Int, at start: Int)
        -> (path: String, entry: Entry, pathEnd: Int, next: Int)? {
        func hexDigest(at offset: Int, then separator: UInt8) -> DigestValue? {
            guard offset + 65 <= end, base[offset + 64] == separator else { return nil }
            return DigestValue(hex: UnsafeBufferPointer(start: base + offset, count: 64))
        }
        guard start < end, let found = memchr(base + start, 0x09, end - start) else { return nil }
        let pathEnd = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
        guard memchr(base + start, 0x0A, pathEnd - start) == nil,
              let path = UTF8Text.string(UnsafeBufferPointer(start: base + start, count: pathEnd - start)),
              let digest = hexDigest(at: pathEnd + 1, then: 0x09) else { return nil }
        var offset = pathEnd + 66
        var size = 0
        let sizeStart = offset
        while offset < end, base[offset] >= 0x30, base[offset] <= 0x39, offset - sizeStart < 18 {
            size = size * 10 + Int(base[offset] - 0x30)
            offset += 1
        }
        guard offset > sizeStart, offset < end, base[offset] == 0x09,
              let fingerprint = hexDigest(at: offset + 1, then: 0x0A) else { return nil }
        return (path, Entry(digest: digest, size: size, fingerprint: fingerprint), pathEnd, offset + 66)
    }

    /// The manifest of the site in `folder`, as recorded: its files are not looked at here. The writer checks
    /// each file where it takes it from (OutputWriter), so a file removed or changed by hand is built again.
    public static func read(in folder: URL) -> Manifest? {
        read(path: folder.appendingPathComponent(fileName).path)
    }

    /// The manifest in the file at `path`, stamped from the open file (so the stamp is the one of the bytes read).
    static func read(path: String) -> Manifest? {
        guard let (bytes, stamp) = FileStamp.read(path), var manifest = parse(bytes) else { return nil }
        manifest.stamp = stamp
        return manifest
    }

    /// Whether the manifest file at `path` is still the one this manifest was read from.
    func isStill(at path: String) -> Bool {
        stamp != nil && FileStamp.of(path) == stamp
    }
}

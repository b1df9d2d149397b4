public import Foundation

/// What a build published: for each file, the SHA-256 of its bytes, its size and its fingerprint (a hash of
/// what it was rendered from). Written as `.tiendo-manifest` at the top of the output folder, one line a file:
/// `path<TAB>sha256<TAB>size<TAB>fingerprint`, sorted by path.
public struct Manifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var digest: String
        public var size: Int
        public var fingerprint: String
    }

    public static let fileName = ".tiendo-manifest"
    static let header = "# tiendo manifest 1: path, sha256, size, fingerprint"

    public var entries: [String: Entry]
    /// The manifest file's bytes when it was read from a folder with every file present as recorded.
    var source: Data?

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    public static func == (lhs: Manifest, rhs: Manifest) -> Bool { lhs.entries == rhs.entries }

    public func serialized() -> Data {
        var text = Self.header + "\n"
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            text += "\(path)\t\(entry.digest)\t\(entry.size)\t\(entry.fingerprint)\n"
        }
        return Data(text.utf8)
    }

    /// Parses a manifest; nil when it is not one (so the folder is treated as unknown and rebuilt).
    public static func parse(_ data: Data) -> Manifest? {
        let bytes = [UInt8](data)
        let headerBytes = Array((header + "\n").utf8)
        guard bytes.starts(with: headerBytes) else { return nil }
        var entries: [String: Entry] = [:]
        var index = headerBytes.count
        var fields: [String] = []
        fields.reserveCapacity(4)
        var start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x09 || byte == 0x0A {
                guard let field = String(validating: bytes[start..<index], as: UTF8.self) else { return nil }
                fields.append(field)
                start = index + 1
                if byte == 0x0A {
                    guard fields.count == 4, let size = Int(fields[2]), fields[1].utf8.count == 64 else { return nil }
                    entries[fields[0]] = Entry(digest: fields[1], size: size, fingerprint: fields[3])
                    fields.removeAll(keepingCapacity: true)
                }
            }
            index += 1
        }
        guard start == bytes.count, fields.isEmpty else { return nil }
        return Manifest(entries: entries)
    }

    /// The manifest of the site in `folder`, keeping only the entries whose file is there with the recorded
    /// size, so that nothing is reused from a file that was removed or changed by hand.
    public static func published(in folder: URL) -> Manifest? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)),
              var manifest = parse(data) else { return nil }
        let prefix = folder.path + "/"
        let present = manifest.entries.filter { path, entry in
            FileSystem.isRegularFile(prefix + path, size: entry.size)
        }
        if present.count == manifest.entries.count { manifest.source = data }
        manifest.entries = present
        return manifest
    }
}

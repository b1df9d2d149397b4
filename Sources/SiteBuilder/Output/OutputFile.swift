public import Foundation

/// One file of the generated site. A class: ten thousand of them pass from the renderer to the writer, and a
/// copy is then one reference count.
public final class OutputFile: Sendable {
    /// Path relative to the output folder, with `/` separators.
    public let path: String
    /// A hash of exactly what the file is made from: for a page, its view models and templates; for a data
    /// file or an asset, its bytes.
    public let fingerprint: DigestValue
    /// SHA-256 of the bytes.
    public let digest: DigestValue
    public let size: Int
    /// The bytes, or nil when the fingerprint matched the previous build's and its bytes are reused unread, or
    /// when they were made now and already written (`written`). Kept as the array they were made in: a copy
    /// into `Data` for every page was a tenth of a gigabyte copied in a build of ten thousand sections.
    let bytes: [UInt8]?
    /// The same bytes as `Data` (a copy).
    public var data: Data? { bytes.map { Data($0) } }
    /// Made now and already written into the spare folder as it was rendered (OutputWriter.FreshSpare); its
    /// bytes were dropped.
    public let written: Bool

    init(path: String, bytes: [UInt8], fingerprint: DigestValue? = nil) {
        self.path = path
        self.bytes = bytes
        digest = StableHasher.sha256(bytes)
        self.fingerprint = fingerprint ?? digest
        size = bytes.count
        written = false
    }

    convenience init(path: String, data: Data, fingerprint: DigestValue? = nil) {
        self.init(path: path, bytes: [UInt8](data), fingerprint: fingerprint)
    }

    /// `file`, made now, once its bytes are written: the same path, digests and size, without the bytes.
    init(written file: OutputFile) {
        path = file.path
        fingerprint = file.fingerprint
        digest = file.digest
        size = file.size
        bytes = nil
        written = true
    }

    init(path: String, reusing entry: Manifest.Entry) {
        self.path = path
        fingerprint = entry.fingerprint
        digest = entry.digest
        size = entry.size
        bytes = nil
        written = false
    }

    var manifestEntry: Manifest.Entry { Manifest.Entry(digest: digest, size: size, fingerprint: fingerprint) }
}

/// HTML already escaped (cmark's output, a rendered template), kept as the UTF-8 bytes it is written as: a page's
/// body passes from cmark through the templates into its file without being checked as a `String` at every step
/// (checking cmark's output and each page's content again was a twentieth of a clean build).
///
/// Every way to make one starts from valid UTF-8: a `String`, bytes cmark rendered from validated input, or the
/// bytes of a template rendered from such pieces.
public struct HTML: Sendable, Hashable, CustomStringConvertible {
    public private(set) var bytes: [UInt8]

    public init() {
        bytes = []
    }

    public init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Bytes known to be valid UTF-8 (see the type's note).
    init(utf8 bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
    public var description: String { text }
    public var isEmpty: Bool { bytes.isEmpty }

    /// Appends `right`; an empty `left` takes `right`'s bytes as they are (shared until changed), not a copy: a
    /// section's one run of prose goes into its page body and its search text without being copied twice.
    public static func += (left: inout HTML, right: HTML) {
        if left.bytes.isEmpty {
            left.bytes = right.bytes
        } else {
            left.bytes.append(contentsOf: right.bytes)
        }
    }

    mutating func append(utf8 pointer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: pointer)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}

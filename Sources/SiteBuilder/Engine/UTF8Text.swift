import Foundation

/// Text from bytes that must be valid UTF-8, for the files Tiendo reads back by the hundred thousand strings (the
/// build cache, manifests). `String(validating:as:)` is generic and not specialised here: each call looked its
/// types up at run time, a twentieth of a rebuild. Decoding repairs invalid bytes, so the text is valid exactly
/// when it has the same bytes as its source.
enum UTF8Text {
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        let isSame = text.withUTF8 { decoded -> Bool in
            guard decoded.count == bytes.count else { return false }
            guard let left = decoded.baseAddress, let right = bytes.baseAddress else { return true }
            return memcmp(left, right, bytes.count) == 0
        }
        return isSame ? text : nil
    }
}

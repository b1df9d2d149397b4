public import Foundation

/// The text of one input file, with the path used in diagnostics.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to the project root (or as given), used in every diagnostic.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Decodes bytes as UTF-8; invalid bytes are an error at the line and column where they start.
    public static func decode(_ data: Data, path: String) throws(BuildFailure) -> SourceFile {
        try decode(bytes: [UInt8](data), path: path)
    }

    static func decode(bytes: [UInt8], path: String) throws(BuildFailure) -> SourceFile {
        let checked = try checked(bytes, path: path)
        return SourceFile(path: path, text: String(decoding: checked, as: UTF8.self))
    }

    /// The bytes of a text file as Tiendo reads them: without a byte-order mark, `\r\n` as `\n`, checked to be
    /// UTF-8 without control characters (an error at the line and column where the first one starts).
    static func checked(_ bytes: [UInt8], path: String) throws(BuildFailure) -> [UInt8] {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }
        let hasCarriageReturn = bytes.withUnsafeBytes { raw in
            raw.baseAddress.map { memchr($0, 0x0D, raw.count) != nil } ?? false
        }
        if hasCarriageReturn {
            bytes = removingCarriageReturns(bytes)
        }
        if UTF8Check.isValid(bytes) {
            if let offset = CleanText.firstControlOffset(in: bytes) {
                let (line, column) = position(ofByte: offset, in: bytes)
                let scalar = String(decoding: bytes[offset..<min(bytes.count, offset + 2)], as: UTF8.self)
                    .unicodeScalars.first.map(CleanText.name) ?? "?"
                throw BuildFailure(diagnostics: [
                    Diagnostic(path: path, line: line, column: column,
                               "tệp có ký tự điều khiển \(scalar) ở đây; hãy xóa nó (chỉ được dùng Tab và xuống dòng)",
                               en: "the file contains the control character \(scalar) here; remove it "
                                   + "(only tabs and line ends are allowed)"),
                ])
            }
            return bytes
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw BuildFailure(diagnostics: [Diagnostic(
                path: path, line: 1, column: 1,
                "tệp được lưu dạng UTF-16 (\"Unicode Text\"); hãy lưu lại dưới dạng UTF-8, với bảng tính là "
                    + "\"CSV UTF-8 (dấu phẩy)\"",
                en: "the file is saved as UTF-16 (\"Unicode Text\"); save it again as UTF-8, for a spreadsheet as "
                    + "\"CSV UTF-8 (Comma delimited)\"")])
        }
        let (line, column) = firstInvalidUTF8(in: bytes)
        let csv = path.lowercased().hasSuffix(".csv")
        throw BuildFailure(diagnostics: [
            Diagnostic(path: path, line: line, column: column,
                       "tệp không phải văn bản UTF-8 (có lẽ được lưu bằng bảng mã khác như Windows-1258 hay TCVN3); "
                           + (csv ? "hãy lưu lại dưới dạng \"CSV UTF-8 (dấu phẩy)\"" : "hãy lưu lại với bảng mã UTF-8"),
                       en: "the file is not valid UTF-8 (it was probably saved in another encoding such as "
                           + "Windows-1258 or TCVN3); save it again "
                           + (csv ? "as \"CSV UTF-8 (Comma delimited)\"" : "as UTF-8")),
        ])
    }

    /// `\r\n` becomes `\n` (files saved on Windows); a lone `\r` stays.
    static func removingCarriageReturns(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() where !(byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
            result.append(byte)
        }
        return result
    }

    /// Line and column (in scalars) of a byte offset in valid UTF-8.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// Line and column (in scalars) of the first byte that is not part of valid UTF-8.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard index + length <= bytes.count,
                  String(validating: Array(bytes[index..<(index + length)]), as: UTF8.self) != nil
            else { return (line, column) }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return (line, column)
    }

    /// Line and column (1-based, column in Unicode scalars) of a string index.
    public func location(of index: String.Index) -> SourceLocation {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars[..<index] {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(path: path, line: line, column: column)
    }
}

import Foundation
import Indicators

/// A JSON value written with sorted keys and fixed number formatting, so the same data give the same bytes.
indirect enum JSONValue: Sendable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    func serialized(indent: Int = 0) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        write(to: &bytes, indent: indent)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the value's text to one buffer: the combined export and the catalogue are rebuilt on every build,
    /// and joining each level's strings copied them once per level.
    private func write(to bytes: inout [UInt8], indent: Int) {
        func pad(_ depth: Int) { bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth)) }
        switch self {
        case .string(let text): Self.appendQuoted(text, to: &bytes)
        case .number(let value):
            bytes.append(contentsOf: (value.isFinite ? VietnameseNumber.plain(value, maxFractionDigits: 4) : "null").utf8)
        case .integer(let value): bytes.append(contentsOf: String(value).utf8)
        case .bool(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .array(let items):
            guard !items.isEmpty else { return bytes.append(contentsOf: "[]".utf8) }
            bytes.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
                pad(indent + 1)
                item.write(to: &bytes, indent: indent + 1)
            }
            bytes.append(0x0A)
            pad(indent)
            bytes.append(0x5D)
        case .object(let fields):
            guard !fields.isEmpty else { return bytes.append(contentsOf: "{}".utf8) }
            bytes.append(contentsOf: "{\n".utf8)
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
                pad(indent + 1)
                Self.appendQuoted(key, to: &bytes)
                bytes.append(contentsOf: ": ".utf8)
                (fields[key] ?? .null).write(to: &bytes, indent: indent + 1)
            }
            bytes.append(0x0A)
            pad(indent)
            bytes.append(0x7D)
        }
    }

    static func quote(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

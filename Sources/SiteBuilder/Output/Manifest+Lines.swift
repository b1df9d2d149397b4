import Foundation

extension Manifest {
    /// A manifest file as read, line by line: its bytes, where each line starts and where its path ends, and each
    /// line's entry. Kept only for a file whose paths are in strictly increasing byte order (a manifest a build
    /// wrote is), so that two such files can be compared by walking them side by side (SpareManifest).
    struct Lines: Sendable {
        let bytes: [UInt8]
        let starts: [Int]
        let pathEnds: [Int]
        let entries: [Entry]

        var count: Int { starts.count }

        /// Collects the lines while the manifest is parsed.
        struct Recorder {
            var starts: [Int] = []
            var pathEnds: [Int] = []
            var entries: [Entry] = []

            init(capacity: Int) {
                starts.reserveCapacity(capacity)
                pathEnds.reserveCapacity(capacity)
                entries.reserveCapacity(capacity)
            }

            /// Records a line; false when its path does not come after the one before it in byte order.
            mutating func record(start: Int, pathEnd: Int, entry: Entry, in base: UnsafePointer<UInt8>) -> Bool {
                if let last = starts.last, let lastEnd = pathEnds.last,
                   Lines.compare(base + last, lastEnd - last, base + start, pathEnd - start) >= 0 {
                    return false
                }
                starts.append(start)
                pathEnds.append(pathEnd)
                entries.append(entry)
                return true
            }
        }

        init(bytes: [UInt8], recorded: Recorder) {
            self.bytes = bytes
            starts = recorded.starts
            pathEnds = recorded.pathEnds
            entries = recorded.entries
        }

        /// Where line `index` ends (after its line feed).
        func end(of index: Int) -> Int { index + 1 < count ? starts[index + 1] : bytes.count }

        /// The path of line `index` (checked when the line was parsed).
        func path(_ index: Int) -> String {
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return "" }
                return String(decoding: UnsafeBufferPointer(start: base + starts[index],
                                                            count: pathEnds[index] - starts[index]), as: UTF8.self)
            }
        }

        /// How the path of line `index` compares with `path` in byte order: negative, zero or positive.
        func comparePath(_ index: Int, with path: String) -> Int {
            var path = path
            return path.withUTF8 { utf8 in
                bytes.withUnsafeBufferPointer { buffer in
                    guard let base = buffer.baseAddress else { return utf8.isEmpty ? 0 : -1 }
                    let start = starts[index]
                    return Lines.compare(base + start, pathEnds[index] - start, utf8)
                }
            }
        }

        /// Appends line `line` or a later one (the first whose path does not come before `path` in byte order,
        /// where `line` then stays) when it has `path` and `entry` and is the line `appendLine` would write (its
        /// length says so: the digits parse only in lowercase, and a size with a leading zero is longer); false,
        /// appending nothing, otherwise.
        func copyLine(_ path: String, _ entry: Entry, from line: inout Int, to out: inout [UInt8]) -> Bool {
            var path = path
            return path.withUTF8 { utf8 in
                bytes.withUnsafeBufferPointer { buffer in
                    guard let base = buffer.baseAddress else { return false }
                    while line < count {
                        let start = starts[line]
                        let order = Lines.compare(base + start, pathEnds[line] - start, utf8)
                        if order < 0 {
                            line += 1
                            continue
                        }
                        let length = end(of: line) - start
                        guard order == 0, entries[line] == entry,
                              length == utf8.count + 132 + Self.decimalDigits(entry.size) else { return false }
                        out.append(contentsOf: UnsafeBufferPointer(start: base + start, count: length))
                        line += 1
                        return true
                    }
                    return false
                }
            }
        }

        private static func decimalDigits(_ value: Int) -> Int {
            var digits = 1
            var rest = value / 10
            while rest > 0 {
                digits += 1
                rest /= 10
            }
            return digits
        }

        /// Byte order: the common bytes (memcmp), then the shorter first.
        static func compare(_ left: UnsafePointer<UInt8>, _ leftCount: Int, _ right: UnsafePointer<UInt8>,
                            _ rightCount: Int) -> Int {
            let common = min(leftCount, rightCount)
            let order = common == 0 ? 0 : Int(memcmp(left, right, common))
            return order != 0 ? order : leftCount - rightCount
        }

        static func compare(_ left: UnsafePointer<UInt8>, _ leftCount: Int, _ right: UnsafeBufferPointer<UInt8>)
            -> Int {
            guard let base = right.baseAddress else { return leftCount }
            return compare(left, leftCount, base, right.count)
        }
    }
}

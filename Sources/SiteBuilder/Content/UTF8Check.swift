/// Whether bytes are valid UTF-8 (the rules `String(validating:)` applies: no overlong forms, no surrogates,
/// nothing above U+10FFFF). The standard library's check read the section files of a large site at about
/// 400 MB/s, a quarter of loading them: Vietnamese mixes ASCII and letters of two or three bytes, and its checks
/// branch on every letter. This one is a shift-based automaton: for each byte, one table word holds the next state
/// for every state, so the only step that waits on the last is a shift, and nothing branches but once per eight
/// bytes.
enum UTF8Check {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(isValid)
    }

    static func isValid(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        let table = Self.table
        var state: UInt64 = accept
        var index = 0
        let count = source.count
        table.withUnsafeBufferPointer { table in
            while let word = ByteWord.load(source, at: index) {
                // Eight ASCII bytes after a whole letter change nothing.
                if word & 0x8080_8080_8080_8080 != 0 || state & 63 != accept {
                    for offset in 0..<8 { state = table[Int(source[index + offset])] &>> state }
                }
                index += 8
            }
            while index < count {
                state = table[Int(source[index])] &>> state
                index += 1
            }
        }
        return state & 63 == accept
    }

    // The states, each a shift (a multiple of 6) into a table word.
    private static let accept: UInt64 = 0
    private static let error: UInt64 = 6
    /// One, two or three continuation bytes (80–BF) to come.
    private static let one: UInt64 = 12, two: UInt64 = 18, three: UInt64 = 24
    /// After E0 (A0–BF next: no overlong form), ED (80–9F: no surrogate), F0 (90–BF: no overlong form) and F4
    /// (80–8F: nothing above U+10FFFF).
    private static let afterE0: UInt64 = 30, afterED: UInt64 = 36, afterF0: UInt64 = 42, afterF4: UInt64 = 48

    /// The state after `byte` in `state`.
    private static func next(_ state: UInt64, _ byte: UInt8) -> UInt64 {
        let continuation = (0x80...0xBF).contains(byte)
        switch state {
        case accept:
            switch byte {
            case 0x00...0x7F: return accept
            case 0xC2...0xDF: return one
            case 0xE0: return afterE0
            case 0xED: return afterED
            case 0xE1...0xEF: return two
            case 0xF0: return afterF0
            case 0xF1...0xF3: return three
            case 0xF4: return afterF4
            default: return error
            }
        case one: return continuation ? accept : error
        case two: return continuation ? one : error
        case three: return continuation ? two : error
        case afterE0: return (0xA0...0xBF).contains(byte) ? one : error
        case afterED: return (0x80...0x9F).contains(byte) ? one : error
        case afterF0: return (0x90...0xBF).contains(byte) ? two : error
        case afterF4: return (0x80...0x8F).contains(byte) ? two : error
        default: return error
        }
    }

    /// For each byte, the next state of every state, at that state's shift.
    private static let table: [UInt64] = (0...255).map { byte in
        [accept, error, one, two, three, afterE0, afterED, afterF0, afterF4].reduce(0) { word, state in
            word | next(state, UInt8(byte)) << state
        }
    }
}

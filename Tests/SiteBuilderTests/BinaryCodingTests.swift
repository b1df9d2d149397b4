import Crypto
import Foundation
import Testing
@testable import SiteBuilder

/// The build cache's encoding: variable-length numbers and digests kept as their 32 bytes.
@Suite struct BinaryCodingTests {
    @Test func numbersComeBackAsWritten() {
        let numbers = [0, 1, -1, 63, 64, -64, -65, 127, 128, 300, 16_383, 16_384, 1_732_000_000_123_456_789,
                       Int(Int32.max), Int(Int32.min), Int.max, Int.min, Int.max - 1, Int.min + 1]
        var writer = BinaryWriter()
        for number in numbers { writer.write(number) }
        var reader = BinaryReader(writer.bytes, range: 0..<writer.bytes.count)
        #expect(numbers.map { _ in reader.int() } == numbers)
        #expect(reader.isAtEnd)
    }

    /// Small numbers, the lengths and counts of every entry, take one byte.
    @Test func smallNumbersTakeOneByte() {
        let sizes = [(0, 1), (63, 1), (-64, 1), (64, 2), (8_191, 2), (8_192, 3), (Int.max, 10), (Int.min, 10)]
        for (number, size) in sizes {
            var writer = BinaryWriter()
            writer.write(number)
            #expect(writer.bytes.count == size, "\(number)")
        }
    }

    /// A number cut short, or longer than ten bytes, is not a number: nil, never a trap.
    @Test func damagedNumbersAreNil() {
        var writer = BinaryWriter()
        writer.write(Int.max)
        for count in 0..<writer.bytes.count {
            var reader = BinaryReader(writer.bytes, range: 0..<count)
            #expect(reader.int() == nil)
        }
        var endless = BinaryReader([UInt8](repeating: 0xFF, count: 40), range: 0..<40)
        #expect(endless.int() == nil)
    }

    @Test func digestsAreTheirHexAndTheirBytes() {
        for text in ["", "a", "Thừa Thiên Huế", String(repeating: "x", count: 1000)] {
            let digest = StableHasher.sha256(text)
            #expect(digest.hex == StableHasher.digest(text))
            #expect(digest.hex == StableHasher.digest(Data(text.utf8)))
            #expect(DigestValue(hex: digest.hex) == digest)
            var hex: [UInt8] = []
            digest.appendHex(to: &hex)
            #expect(String(decoding: hex, as: UTF8.self) == digest.hex)
            var writer = BinaryWriter()
            writer.write(digest)
            #expect(writer.bytes.count == 32)
            var reader = BinaryReader(writer.bytes, range: 0..<32)
            #expect(reader.digest() == digest)
            var short = BinaryReader(writer.bytes, range: 0..<31)
            #expect(short.digest() == nil)
        }
        #expect(StableHasher.sha256("a") != StableHasher.sha256("b"))
    }

    @Test func onlyLowercaseHexOfSixtyFourDigitsIsADigest() {
        let good = StableHasher.digest("a")
        #expect(DigestValue(hex: good) != nil)
        for bad in [good.uppercased(), String(good.dropLast()), good + "0", "g" + good.dropFirst(), "",
                    " " + good.dropFirst(), String(repeating: "é", count: 32)] {
            #expect(DigestValue(hex: bad) == nil, "\(bad)")
        }
    }
}

/// The manifest's lines are read exactly as they are written, and anything else makes it no manifest.
@Suite struct ManifestParsingTests {
    static let digest = StableHasher.digest("a")

    @Test func aWrittenManifestReadsBack() {
        let entries = ["a b/index.html": Manifest.Entry(digest: StableHasher.sha256("1"), size: 0,
                                                         fingerprint: StableHasher.sha256("2")),
                       "Thừa Thiên Huế.csv": Manifest.Entry(digest: StableHasher.sha256("3"), size: 123_456_789_012,
                                                            fingerprint: StableHasher.sha256("4"))]
        let manifest = Manifest(entries: entries)
        #expect(Manifest.parse(manifest.serialized())?.entries == entries)
        #expect(Manifest.parse(Manifest().serialized())?.entries == [:])
    }

    /// The writer takes a manifest read earlier as still the folder's while its file has the stamp it was read
    /// with: a build replaces the file by renaming a new one over it, which is another file even with the same bytes.
    @Test func aManifestIsItsFileUntilTheFileIsReplacedOrChanged() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tiendo-still-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(Manifest.fileName)
        let bytes = Manifest(entries: ["a.html": Manifest.Entry(digest: StableHasher.sha256("a"), size: 1,
                                                                 fingerprint: StableHasher.sha256("b"))]).serialized()
        try bytes.write(to: file)
        let read = try #require(Manifest.read(in: folder))
        #expect(read.isStill(at: file.path))
        let replacement = folder.appendingPathComponent("new")
        try bytes.write(to: replacement)
        #expect(rename(replacement.path, file.path) == 0)
        #expect(!read.isStill(at: file.path), "the same bytes in another file")
        let again = try #require(Manifest.read(in: folder))
        #expect(again.isStill(at: file.path))
        // Changed in place, keeping its size: file times move on with the clock's tick, so wait for one first.
        try await Task.sleep(for: .milliseconds(50))
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: bytes)
        try handle.close()
        #expect(!again.isStill(at: file.path))
        try FileManager.default.removeItem(at: file)
        #expect(!again.isStill(at: file.path))
    }

    @Test(arguments: [
        "x\t\(digest)\t1\t\(digest)",                  // no line end
        "x\t\(digest)\t1\t\(digest)\t\n",              // a fifth field
        "x\t\(digest)\t\t\(digest)\n",                 // no size
        "x\t\(digest)\t-1\t\(digest)\n",               // a sign
        "x\t\(digest)\t1 \t\(digest)\n",               // a space
        "x\t\(digest.uppercased())\t1\t\(digest)\n",   // upper-case digits
        "x\t\(digest.dropLast())\t1\t\(digest)\n",     // 63 digits
        "x\n\t\(digest)\t1\t\(digest)\n",              // a line end in the path
        "x\(digest)\t1\t\(digest)\n",                  // a field missing
        "x\t\(digest)\t1\t\(digest)\ny",               // a line cut short
        "x\t\(digest)\t1234567890123456789\t\(digest)\n", // a size of 19 digits
    ])
    func damagedLinesAreNoManifest(_ line: String) {
        let data = Data((Manifest.header + "\n" + line).utf8)
        #expect(Manifest.parse(data) == nil)
    }
}

/// A cache file whose checksum holds but whose fields are made up (written by hand or by another program) is
/// refused or read as far as it is sound: never a crash, whatever its numbers say.
@Suite struct CraftedCacheTests {
    @Test func madeUpFieldsBehindAGoodChecksumNeverCrash() {
        var mixer = SidecarFileTests.Mixer(state: 2030)
        var writer = BinaryWriter()
        writer.write(BuildCache.magic)
        writer.write(nil as String?)
        let head = writer.bytes
        var refused = 0
        for _ in 0..<2000 {
            var fields = BinaryWriter()
            for _ in 0..<(1 + mixer.next(40)) {
                switch mixer.next(5) {
                case 0: fields.write([Int.max, Int.min, -1, 0, 1, 7, 40][mixer.next(7)])
                case 1: fields.write(mixer.next(1_000))
                case 2: fields.write(String(repeating: "á", count: mixer.next(5)))
                case 3: fields.write(StableHasher.sha256(String(mixer.next(99))))
                default: fields.append([UInt8(mixer.next(256))])
                }
            }
            var file = head + fields.bytes
            file += Array(SHA256.hash(data: file))
            if BuildCache.parse(file) == nil { refused += 1 }
        }
        #expect(refused > 0)
    }
}

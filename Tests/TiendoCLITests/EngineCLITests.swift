import Foundation
import Testing

/// The build engine seen from outside: separate processes, killed builds, the preview server.
@Suite struct EngineCLITests {
    /// Every file below `folder` (hidden ones included) with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let file = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = try? Data(contentsOf: file)
            }
        }
        return result
    }

    @Test func twoProcessesGiveIdenticalBytes() throws {
        let first = try CLITests.project()
        let second = try CLITests.project()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        #expect(try CLITests.run(["build"], in: first).status == 0)
        #expect(try CLITests.run(["build"], in: second).status == 0)
        let a = Self.snapshot(first.appendingPathComponent("Output"))
        let b = Self.snapshot(second.appendingPathComponent("Output"))
        #expect(a.count > 60)
        #expect(a == b)
    }

    /// Builds killed at random moments leave Output/ as the old site or the new one, whole, never a mix.
    @Test func killedBuildsLeaveTheOldSiteOrTheNew() throws {
        let root = try CLITests.project()
        let reference = try CLITests.project()
        defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: reference) }
        let data = "Content/data/hoat-dong.csv"
        let section = "Content/sections/03-muc-tieu.md"
        let original = (try Data(contentsOf: root.appendingPathComponent(data)),
                        try Data(contentsOf: root.appendingPathComponent(section)))
        func setVersion(_ folder: URL, _ changed: Bool) throws {
            var csv = String(decoding: original.0, as: UTF8.self)
            var text = String(decoding: original.1, as: UTF8.self)
            if changed {
                csv = csv.replacingOccurrences(of: "2024,TVH-01,có,", with: "2024,TVH-01,có,9")
                text += "\nMột đoạn mới.\n"
            }
            try Data(csv.utf8).write(to: folder.appendingPathComponent(data))
            try Data(text.utf8).write(to: folder.appendingPathComponent(section))
        }
        var sites: [Bool: [String: Data]] = [:]
        for changed in [false, true] {
            try setVersion(reference, changed)
            #expect(try CLITests.run(["build"], in: reference).status == 0)
            sites[changed] = Self.snapshot(reference.appendingPathComponent("Output"))
        }
        #expect(sites[false] != sites[true])
        try setVersion(root, false)
        #expect(try CLITests.run(["build"], in: root).status == 0)
        var generator = SystemRandomNumberGenerator()
        var sawOld = false
        var sawNew = false
        for round in 0..<16 {
            let changed = round % 2 == 0
            try setVersion(root, changed)
            let process = Process()
            process.executableURL = CLITests.binary
            process.arguments = ["build"]
            process.currentDirectoryURL = root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...200_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = Self.snapshot(root.appendingPathComponent("Output"))
            #expect(now == sites[false] || now == sites[true], "round \(round): Output/ is a mix of two builds")
            if now == sites[changed] { sawNew = true } else { sawOld = true }
        }
        #expect(sawOld || sawNew)
        try setVersion(root, true)
        #expect(try CLITests.run(["build"], in: root).status == 0)
        #expect(Self.snapshot(root.appendingPathComponent("Output")) == sites[true])
    }
}

import CAtomicSwap
import Foundation
import Testing
@testable import SiteBuilder

/// How the section loader tells files in memory from files on the disk (one thread per core, or eight).
struct FileCacheTests {
    private func folder(with names: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tiendo-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in names {
            try Data("---\ntitle: \(name)\norder: 1\n---\nThư viện.\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test func filesJustWrittenLookCached() throws {
        let names = (0..<40).map { "\($0).md" }
        let folder = try folder(with: names)
        defer { try? FileManager.default.removeItem(at: folder) }
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { close(descriptor) }
        #expect(FileSystem.looksCached(names, in: descriptor))
        #expect(FileSystem.looksCached([], in: descriptor))
        // No folder: the loader cannot tell, and takes eight threads.
        #expect(!FileSystem.looksCached(names, in: -1))
    }

    /// A file written to the disk and dropped from memory (`POSIX_FADV_DONTNEED` after `fsync`) would wait for the
    /// disk. On a file system held in memory (tmpfs) nothing can be dropped; the check then sees the file in memory.
    @Test func aFileDroppedFromMemoryDoesNot() throws {
        let names = ["a.md", "b.md"]
        let folder = try folder(with: names)
        defer { try? FileManager.default.removeItem(at: folder) }
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { close(descriptor) }
        let file = openat(descriptor, "b.md", O_RDONLY | O_CLOEXEC)
        defer { close(file) }
        fsync(file)
        posix_fadvise(file, 0, 0, Int32(POSIX_FADV_DONTNEED))
        let cold = !FileSystem.looksCached(names, in: descriptor)
        // Whether the file could be dropped at all, asked after dropping it again (a read that would wait starts
        // reading the file in, so the check above may have brought it back).
        posix_fadvise(file, 0, 0, Int32(POSIX_FADV_DONTNEED))
        var byte: UInt8 = 0
        let read = tiendo_read_if_cached(file, &byte, 1, 0)
        #expect(cold == (read == -1 && errno == EAGAIN))
    }
}

import Foundation

/// Notices saves in the watched folders by polling their files' sizes and modification times: simple, and it
/// survives folders that are deleted and created again, editors that save by renaming, and network drives.
struct ChangeWatcher: Sendable {
    struct Stamp: Equatable, Sendable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
    }

    let folders: [String]

    /// Every regular file below the folders (hidden files and editors' temporary files excluded) with its stamp.
    func snapshot() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        var seen: Set<[Int]> = []
        for folder in folders { walk(folder, into: &result, depth: 0, seen: &seen) }
        return result
    }

    /// Each folder is entered once (by device and inode): links that lead back up would multiply the walk.
    private func walk(_ folder: String, into result: inout [String: Stamp], depth: Int, seen: inout Set<[Int]>) {
        var folderInfo = stat()
        guard depth < 32, stat(folder, &folderInfo) == 0,
              seen.insert([Int(folderInfo.st_dev), Int(folderInfo.st_ino)]).inserted,
              let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") { continue }
            let path = folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &result, depth: depth + 1, seen: &seen)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                result[path] = Stamp(size: Int(info.st_size), seconds: Int(info.st_mtim.tv_sec),
                                     nanoseconds: Int(info.st_mtim.tv_nsec))
            }
        }
    }

    /// Waits for the next change, then for the files to stay still for `settle` (a save in progress).
    func nextChange(after previous: [String: Stamp], interval: Duration = .milliseconds(150),
                    settle: Duration = .milliseconds(60)) async -> [String: Stamp]? {
        var last = previous
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = snapshot()
            guard now != last else { continue }
            last = now
            while !Task.isCancelled {
                try? await Task.sleep(for: settle)
                let again = snapshot()
                if again == last { return again }
                last = again
            }
        }
        return nil
    }
}

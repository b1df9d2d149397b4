import Foundation

/// What says a file is unchanged without reading it: device, inode, size, modification and status-change times
/// (nanoseconds). The status-change time cannot be set back by tools that copy times, so an edit always shows.
enum FileStamp {
    /// The stamp of a regular file; nil for a symbolic link or anything else (those are always read).
    static func of(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return stamp(info)
    }

    /// The stamp of the file `name` in the open folder `folder` (a descriptor): no path walk from the root.
    static func of(_ name: String, in folder: Int32) -> String? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return stamp(info)
    }

    /// The stamps of every file in `folder`, by name, read on all cores (a build reads them while it reads its
    /// cache; see SiteBuild.run).
    static func all(in folder: String) -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return [:] }
        defer { close(descriptor) }
        let stamps = (try? FileSystem.concurrently(names) { of($0, in: descriptor) }) ?? []
        var result: [String: String] = [:]
        result.reserveCapacity(names.count)
        for (name, stamp) in zip(names, stamps) { result[name] = stamp }
        return result
    }

    private static func stamp(_ info: stat) -> String? {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):"
            + "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }
}

import Foundation

/// What says a file is unchanged without reading it: device, inode, size, modification and status-change times
/// (nanoseconds). The status-change time cannot be set back by tools that copy times, so an edit always shows.
enum FileStamp {
    /// The stamp of a regular file; nil for a symbolic link or anything else (those are always read).
    static func of(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):"
            + "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }
}

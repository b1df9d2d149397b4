import Foundation

/// What says a file is unchanged without reading it: device, inode, size, modification and status-change times
/// (nanoseconds). The status-change time cannot be set back by tools that copy times, so an edit always shows.
struct FileStamp: Hashable, Sendable {
    let device: Int64
    let inode: Int64
    let size: Int64
    let modified: Int64
    let modifiedNanoseconds: Int64
    let changed: Int64
    let changedNanoseconds: Int64

    /// The stamp of a regular file's `stat`; nil for a symbolic link or anything else (those are always read).
    init?(_ info: stat) {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(device: Int64(info.st_dev), inode: Int64(info.st_ino), size: Int64(info.st_size),
                  modified: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec),
                  changed: Int64(info.st_ctim.tv_sec), changedNanoseconds: Int64(info.st_ctim.tv_nsec))
    }

    init(device: Int64, inode: Int64, size: Int64, modified: Int64, modifiedNanoseconds: Int64, changed: Int64,
         changedNanoseconds: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changed = changed
        self.changedNanoseconds = changedNanoseconds
    }

    /// The seven numbers, in the order above (how the build cache stores a stamp).
    var numbers: [Int64] { [device, inode, size, modified, modifiedNanoseconds, changed, changedNanoseconds] }

    /// The seven numbers into a hash, in the order above (as `numbers` would, without making the array).
    func combine(into hasher: inout StableHasher) {
        hasher.combine(seven: (device, inode, size, modified, modifiedNanoseconds, changed, changedNanoseconds))
    }

    init?(numbers: [Int64]) {
        guard numbers.count == 7 else { return nil }
        self.init(device: numbers[0], inode: numbers[1], size: numbers[2], modified: numbers[3],
                  modifiedNanoseconds: numbers[4], changed: numbers[5], changedNanoseconds: numbers[6])
    }

    /// The stamp of a regular file; nil for a symbolic link or anything else (those are always read).
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// The stamp of the file `name` in the open folder `folder` (a descriptor): no path walk from the root.
    static func of(_ name: String, in folder: Int32) -> FileStamp? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return FileStamp(info)
    }

    /// A regular file's bytes with the stamp of the open file they were read from (so the stamp is the one of the
    /// bytes read); nil when it cannot be read.
    static func read(_ path: String) -> (bytes: [UInt8], stamp: FileStamp)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, let stamp = FileStamp(info),
              let bytes = (try? FileSystem.readToEnd(descriptor, size: Int(info.st_size))) ?? nil else { return nil }
        return (bytes, stamp)
    }

    /// Every name in `folder`, sorted, with the stamp of each regular file, read on all cores (a build reads them
    /// while it reads its cache, and takes the section files from this listing: SiteBuild.run).
    static func all(in folder: String) -> FolderListing {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return FolderListing(entries: []) }
        defer { close(descriptor) }
        let names = FileSystem.names(in: descriptor).sorted()
        let stamps = (try? FileSystem.concurrently(names) { of($0, in: descriptor) }) ?? []
        guard stamps.count == names.count else { return FolderListing(entries: []) }
        return FolderListing(entries: zip(names, stamps).map { (name: $0, stamp: $1) })
    }
}

/// A folder's names in sorted order, each with its stamp (nil for anything but a regular file).
struct FolderListing: Sendable {
    var entries: [(name: String, stamp: FileStamp?)]

    /// The entries whose names end with one of `extensions` and are not hidden (ProjectFolder.matching), in order.
    func matching(_ extensions: Set<String>) -> [(name: String, stamp: FileStamp?)] {
        entries.filter { ProjectFolder.matches($0.name, extensions) }
    }
}

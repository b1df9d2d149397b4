import Foundation

/// The few file operations the writer needs, each replacing a file's directory entry, never its bytes in place
/// (files are shared by hard links between generations).
enum FileSystem {
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// For each entry (a path relative to `folder` and the size it should have): whether a regular file of that
    /// size is there. On all cores, each path looked up from the open folder, not from the root.
    static func areRegularFiles(_ entries: [(path: String, size: Int)], in folder: String) -> [Bool] {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return entries.map { _ in false } }
        defer { close(descriptor) }
        let result = try? concurrently(entries) { entry in isRegularFile(entry.path, size: entry.size, in: descriptor) }
        return result ?? entries.map { _ in false }
    }

    /// Whether `name`, relative to the open folder `descriptor`, is a regular file of `size` bytes (a link is not).
    static func isRegularFile(_ name: UnsafePointer<CChar>, size: Int, in descriptor: Int32) -> Bool {
        var info = stat()
        return fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0
            && (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) == size
    }

    /// The names in an open folder but `.` and `..`, decoded as FileManager decodes them (bytes that are not UTF-8
    /// become U+FFFD), read with `readdir`: FileManager took 3.5 ms for the 10,000 names of a large site's
    /// sections, a thirtieth of its rebuild.
    static func names(in folder: Int32) -> [String] {
        let copy = dup(folder)
        guard copy >= 0 else { return [] }
        guard let directory = fdopendir(copy) else {
            close(copy)
            return []
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// A regular file's bytes, read straight into an array (nil when it cannot be read): the cache is megabytes,
    /// and reading it as `Data` first copied it twice.
    static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (try? readToEnd(descriptor, size: Int(info.st_size))) ?? nil
    }

    /// Reads an open file to its end. `size` is what `fstat` said: the buffer holds it and one byte more, so the
    /// read that finds the end needs no larger buffer; a file that grew meanwhile is read whole, up to `limit`
    /// bytes (nil beyond). Throws the error of a read that failed.
    static func readToEnd(_ descriptor: Int32, size: Int, limit: Int = .max) throws -> [UInt8]? {
        // The expected bytes are read into memory that is not zeroed first (the cache is megabytes).
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: max(0, size) + 1) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < buffer.count {
                let read = Foundation.read(descriptor, base + initialized, buffer.count - initialized)
                if read < 0, errno == EINTR { continue }
                if read < 0 { failure = errno }
                if read <= 0 { return }
                initialized += read
            }
        }
        guard failure == 0 else { throw error(failure, "(descriptor \(descriptor))") }
        if bytes.count <= max(0, size) { return bytes.count > limit ? nil : bytes }
        // The file grew meanwhile: the rest is read in runs.
        var count = bytes.count
        if count > limit { return nil }
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, count))) }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { throw error(errno, "(descriptor \(descriptor))") }
            if read == 0 { break }
            count += read
            if count > limit { return nil }
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Writes `data` beside `target`, then renames it over `target`. With `fresh`, the caller knows nothing is
    /// at `target` (a folder no server reads): the file is created in place, one rename fewer.
    static func write(_ data: some ContiguousBytes, replacing path: String, fresh: Bool = false) throws {
        let temporary = fresh ? path : temporaryPath(for: path)
        try create(data, at: temporary, in: AT_FDCWD, errorPath: path)
        guard fresh || rename(temporary, path) == 0 else { throw error(errno, path) }
    }

    /// Creates (or empties) the file `name`, named from the open folder `folder` (`AT_FDCWD`: a path), with
    /// `data`; a file that could not be written whole is removed. Errors name `errorPath`.
    static func create(_ data: some ContiguousBytes, at name: String, in folder: Int32, errorPath: String) throws {
        let descriptor = openat(folder, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw error(errno, errorPath) }
        let failure = writeAll(data, to: descriptor)
        close(descriptor)
        guard failure == 0 else {
            unlinkat(folder, name, 0)
            throw error(failure, errorPath)
        }
    }

    /// Writes all of `data` to the open file `descriptor`: 0, or the error of the write that failed.
    static func writeAll(_ data: some ContiguousBytes, to descriptor: Int32) -> Int32 {
        data.withUnsafeBytes { buffer -> Int32 in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let count = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return 0
        }
    }

    /// Whether `path` is a folder (not following a link).
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// A file written beside its place, not yet in it (see `stage`).
    struct Staged: Sendable {
        let temporary: String
        let target: String
        /// A file that no longer holds once this one is in place (deleted after the rename).
        var obsolete: String?

        /// Renames it over its place (a file Tiendo keeps for itself: a failure only loses what it would save).
        func commit() {
            if rename(temporary, target) != 0 {
                unlink(temporary)
                return
            }
            if let obsolete { unlink(obsolete) }
        }

        func discard() { unlink(temporary) }
    }

    /// Writes `data` beside `path`, to be renamed over it later; nil when it cannot be written.
    static func stage(_ data: some ContiguousBytes, for path: String) -> Staged? {
        let temporary = temporaryPath(for: path)
        do {
            try write(data, replacing: temporary, fresh: true)
        } catch {
            unlink(temporary)
            return nil
        }
        return Staged(temporary: temporary, target: path, obsolete: nil)
    }

    /// `folder/name` → `folder/.name.tiendo-tmp`.
    static func temporaryPath(for path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return ".\(path).tiendo-tmp" }
        return path[...slash] + "." + path[path.index(after: slash)...] + ".tiendo-tmp"
    }

    /// Creates a folder and its parents (like `mkdir -p`), remembering what exists. `name` is named from the open
    /// folder `folder` (by default a path); errors name `shownAs + name`.
    static func makeFolder(_ name: String, in folder: Int32 = AT_FDCWD, shownAs prefix: String = "",
                           known: inout Set<String>) throws {
        if name.isEmpty || known.contains(name) { return }
        if mkdirat(folder, name, 0o755) != 0 {
            let code = errno
            if code == ENOENT, let slash = name.lastIndex(of: "/") {
                try makeFolder(String(name[..<slash]), in: folder, shownAs: prefix, known: &known)
                guard mkdirat(folder, name, 0o755) == 0 || errno == EEXIST else { throw error(errno, prefix + name) }
            } else if code != EEXIST {
                throw error(code, prefix + name)
            }
        }
        known.insert(name)
    }

    /// Hard-links `source` beside `target`, then renames the link over `target`. False when `source` is gone.
    static func link(_ source: String, replacing target: String) throws -> Bool {
        let temporary = temporaryPath(for: target)
        unlink(temporary)
        guard Foundation.link(source, temporary) == 0 else {
            if errno == ENOENT { return false }
            throw error(errno, source)
        }
        guard rename(temporary, target) == 0 else { throw error(errno, target) }
        return true
    }

    /// Removes folders left empty below `root` (after files were deleted), deepest first.
    static func removeEmptyFolders(below root: URL) {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return }
        var folders: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { folders.append(relative) }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            rmdir(root.appendingPathComponent(folder).path)
        }
    }

    /// Every regular file below `root`, hidden ones included, as sorted `/`-separated relative paths.
    static func regularFiles(below root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var info = stat()
            if lstat(root.appendingPathComponent(relative).path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                result.append(relative)
            }
        }
        return result.sorted()
    }

    static func error(_ code: Int32, _ path: String) -> any Error {
        NSError(domain: NSPOSIXErrorDomain, code: Int(code),
                userInfo: [NSLocalizedDescriptionKey: "\(path): \(String(cString: strerror(code)))"])
    }

    /// Why a file system call failed, in words for the webmaster (the path and the system's own text kept).
    static func reason(_ error: any Error) -> Message {
        let error = error as NSError
        let detail = error.localizedDescription
        guard error.domain == NSPOSIXErrorDomain else { return Message(vi: detail, en: detail) }
        switch Int32(error.code) {
        case EACCES, EPERM, EROFS:
            return Message(vi: "không có quyền ghi (\(detail)); hãy cấp quyền ghi cho thư mục xuất và thư mục chứa nó",
                           en: "no permission to write (\(detail)); allow writing to the output folder and its parent")
        case ENOSPC, EDQUOT:
            return Message(vi: "ổ đĩa đã đầy (\(detail))", en: "the disk is full (\(detail))")
        default:
            return Message(vi: detail, en: detail)
        }
    }
}

public import Foundation

/// Reads files below one folder of the project, refusing symlinks that lead outside the project root.
public struct ProjectFolder: Sendable {
    /// The project root; no file outside it is ever read.
    public let root: URL
    /// The folder itself (e.g. `Content/`).
    public let url: URL
    /// The root and the folder with symbolic links resolved, each ending in `/`, resolved once.
    private let resolvedBases: [String]
    /// Folders already resolved, so that a folder of 10,000 sections costs one `realpath`, not one per file.
    private let resolvedFolders = ResolvedFolders()

    public init(root: URL, url: URL) {
        self.root = root.standardizedFileURL
        self.url = url.standardizedFileURL
        resolvedBases = [self.root, self.url].map { base in
            let path = Self.realPath(base.path) ?? base.resolvingSymlinksInPath().standardizedFileURL.path
            return path.hasSuffix("/") ? path : path + "/"
        }
    }

    /// The path with every symbolic link resolved (`realpath(3)`); nil when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Path for diagnostics: relative to the project root when inside it.
    public func displayPath(_ file: URL) -> String {
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let path = file.standardizedFileURL.path
        return path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : path
    }

    var exists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Checks that a file, after following any symbolic link, stays inside the project root or inside this
    /// folder itself (which `--content` or `--templates` may place outside the root on purpose).
    func checkInsideRoot(_ file: URL) throws(BuildFailure) {
        let resolved = resolve(file)
        for prefix in resolvedBases where resolved + "/" == prefix || resolved.hasPrefix(prefix) { return }
        let shown = CleanText.excerpt(resolved, limit: 200)
        throw BuildFailure(diagnostics: [
            Diagnostic(path: displayPath(file),
                       "là liên kết tượng trưng (symbolic link) trỏ tới '\(shown)', nằm ngoài dự án; tệp này không được đọc",
                       en: "is a symbolic link to '\(shown)', outside the project; it is not read"),
        ])
    }

    /// The file's path with symbolic links resolved. A file that is not itself a link is resolved through its
    /// folder, resolved once.
    private func resolve(_ file: URL) -> String {
        var info = stat()
        let path = file.path
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK, let slash = path.lastIndex(of: "/"),
           slash != path.startIndex {
            let folder = String(path[..<slash])
            let resolvedFolder = resolvedFolders.get(folder) ?? {
                let resolved = Self.realPath(folder)
                if let resolved { resolvedFolders.set(folder, resolved) }
                return resolved
            }()
            if let resolvedFolder {
                return (resolvedFolder.hasSuffix("/") ? resolvedFolder : resolvedFolder + "/") + path[path.index(after: slash)...]
            }
        }
        return Self.realPath(path) ?? file.resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// Files directly inside `subfolder` whose name ends with one of `extensions`, sorted by name.
    func files(in subfolder: String? = nil, extensions: Set<String>) -> [URL] {
        let folder = subfolder.map { url.appendingPathComponent($0, isDirectory: true) } ?? url
        let prefix = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        return names(in: subfolder, extensions: extensions)
            .map { URL(fileURLWithPath: prefix + $0, isDirectory: false) }
    }

    /// The names of those files (see `files(in:extensions:)`).
    func names(in subfolder: String? = nil, extensions: Set<String>) -> [String] {
        let folder = subfolder.map { url.appendingPathComponent($0, isDirectory: true) } ?? url
        return Self.matching((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [], extensions)
    }

    /// The names of a folder's listing that end with one of `extensions` and are not hidden, sorted.
    static func matching(_ names: [String], _ extensions: Set<String>) -> [String] {
        names.filter { matches($0, extensions) }.sorted()
    }

    /// Whether a name is not hidden and ends with one of `extensions` (lowercase; the name's in any case), looked
    /// at as UTF-8 bytes and compared in place: ten thousand names as characters took milliseconds, and a lowered
    /// copy of each suffix looked up in the set took one.
    static func matches(_ name: String, _ extensions: Set<String>) -> Bool {
        let utf8 = name.utf8
        guard let first = utf8.first, first != UInt8(ascii: "."),
              let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let suffix = utf8[utf8.index(after: dot)...]
        return extensions.contains { known in
            known.utf8.count == suffix.count
                && zip(known.utf8, suffix).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 + 0x20 : $1) }
        }
    }

    /// All regular files below `subfolder`, recursively, sorted by relative path.
    func allFiles(below subfolder: String) -> [URL] {
        let folder = url.appendingPathComponent(subfolder)
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var result: [URL] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            let file = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(file)
            }
        }
        return result.sorted { $0.path < $1.path }
    }

    /// Checks that a file is a regular file within the size limit of its kind (Limits), before reading it.
    func checkSize(_ file: URL, limit: Int, kind: Message) throws(BuildFailure) {
        var info = stat()
        guard stat(file.path, &info) == 0 else {
            let code = errno
            throw BuildFailure(diagnostics: [Self.unreadable(displayPath(file), code: code, at: file.path)])
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw BuildFailure(diagnostics: [Diagnostic(path: displayPath(file), "không phải là một tệp thông thường",
                                                        en: "is not a regular file")])
        }
        guard Int(info.st_size) <= limit else {
            let size = Int((Double(info.st_size) / 1_048_576).rounded(.up))
            let most = Limits.megabytes(limit)
            throw BuildFailure(diagnostics: [
                Diagnostic(path: displayPath(file), "nặng \(size) MB; \(kind.vi) chỉ được tối đa \(most)",
                           en: "is \(size) MB; \(kind.en) may be at most \(most)"),
            ])
        }
    }

    /// The size limit and the name of a file's kind, by its extension.
    static func limit(for file: URL) -> (Int, Message) {
        switch file.pathExtension.lowercased() {
        case "md", "markdown": (Limits.sectionBytes, Message(vi: "một phần nội dung", en: "a section"))
        case "yaml", "yml": (Limits.yamlBytes, Message(vi: "một tệp YAML", en: "a YAML file"))
        case "csv", "xlsx": (Limits.dataBytes, Message(vi: "một tệp dữ liệu", en: "a data file"))
        case "mustache": (Limits.templateBytes, Message(vi: "một mẫu trang", en: "a template"))
        default: (Limits.assetBytes, Message(vi: "một tệp", en: "a file"))
        }
    }

    /// Reads a file as UTF-8 text, with the symlink, type and size checks.
    func read(_ file: URL) throws(BuildFailure) -> SourceFile {
        try checkInsideRoot(file)
        let (limit, kind) = Self.limit(for: file)
        try checkSize(file, limit: limit, kind: kind)
        let path = displayPath(file)
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw BuildFailure(diagnostics: [Self.unreadable(path, code: Self.code(of: error), at: file.path)])
        }
        return try SourceFile.decode(data, path: path)
    }

    /// Reads the section file `name` in the open folder `folder` (a descriptor), which `checkInsideRoot`
    /// accepted: the fast path for ten thousand sections. The file is opened without following a link and checked
    /// on the open descriptor, which also gives its stamp. Nil when it is not a plain regular file within the size
    /// limit: the caller then reads it with `read(_:)`, whose checks say what is wrong.
    func readSection(_ name: String, in folder: Int32, displayPath: String) throws(BuildFailure)
        -> (bytes: [UInt8], stamp: FileStamp?)? {
        // O_NONBLOCK: opening a named pipe must not wait for a writer (it is then refused as not a regular file).
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              Int(info.st_size) <= Limits.sectionBytes else { return nil }
        let read: [UInt8]?
        do {
            read = try FileSystem.readToEnd(descriptor, size: Int(info.st_size), limit: Limits.sectionBytes)
        } catch {
            throw BuildFailure(diagnostics: [Self.unreadable(displayPath, code: Self.code(of: error))])
        }
        guard let bytes = read else { return nil }
        return (try SourceFile.checked(bytes, path: displayPath), FileStamp(info))
    }

    /// The symlink, type and size checks of a file read by a library from its path (an `.xlsx` workbook).
    func checkReadable(_ file: URL) throws(BuildFailure) {
        try checkInsideRoot(file)
        let (limit, kind) = Self.limit(for: file)
        try checkSize(file, limit: limit, kind: kind)
    }

    /// `read(_:)`, with a file that cannot be read noted in `errors` (reported with the others) instead of thrown.
    func read(_ file: URL, noting errors: inout [Diagnostic]) -> SourceFile? {
        do {
            return try read(file)
        } catch {
            errors.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Reads a file's bytes, with the symlink check.
    func readData(_ file: URL) throws(BuildFailure) -> Data {
        try checkInsideRoot(file)
        try checkSize(file, limit: Limits.assetBytes, kind: Message(vi: "một tệp đính kèm", en: "an asset"))
        do {
            return try Data(contentsOf: file)
        } catch {
            throw BuildFailure(diagnostics: [Self.unreadable(displayPath(file), code: Self.code(of: error), at: file.path)])
        }
    }
}

/// Resolved folder paths, shared by the threads that read a folder's files.
private final class ResolvedFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String: String] = [:]

    func get(_ folder: String) -> String? { lock.withLock { paths[folder] } }

    func set(_ folder: String, _ resolved: String) { lock.withLock { paths[folder] = resolved } }
}

import Foundation

extension FileSystem {
    /// A folder kept open while many files are made in it: each is named from the folder, so the kernel walks two
    /// names (`p09909/index.html`), not the whole path from the root, for each of ten thousand pages. Errors name
    /// the whole path. Falls back to whole paths when the folder cannot be opened.
    final class OpenFolder: @unchecked Sendable {
        /// The folder's path, ending in `/`.
        let path: String
        private let descriptor: Int32

        init(_ path: String) {
            self.path = path.hasSuffix("/") ? path : path + "/"
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }

        deinit { if descriptor >= 0 { close(descriptor) } }

        /// Creates `relative` and the folders above it inside this one (like `mkdir -p`), remembering what exists.
        func makeFolder(_ relative: String, known: inout Set<String>) throws {
            guard descriptor >= 0 else { return try FileSystem.makeFolder(path + relative, known: &known) }
            if relative.isEmpty || known.contains(relative) { return }
            if mkdirat(descriptor, relative, 0o755) != 0 {
                let code = errno
                if code == ENOENT, let slash = relative.lastIndex(of: "/") {
                    try makeFolder(String(relative[..<slash]), known: &known)
                    guard mkdirat(descriptor, relative, 0o755) == 0 || errno == EEXIST else {
                        throw FileSystem.error(errno, path + relative)
                    }
                } else if code != EEXIST {
                    throw FileSystem.error(code, path + relative)
                }
            }
            known.insert(relative)
        }

        /// Writes a file that is not there yet (`write(_:replacing:fresh: true)`), named from this folder.
        func writeNew(_ data: some ContiguousBytes, at relative: String) throws {
            guard descriptor >= 0 else { return try FileSystem.write(data, replacing: path + relative, fresh: true) }
            let file = openat(descriptor, relative, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard file >= 0 else { throw FileSystem.error(errno, path + relative) }
            let failure = FileSystem.writeAll(data, to: file)
            close(file)
            guard failure == 0 else {
                unlinkat(descriptor, relative, 0)
                throw FileSystem.error(failure, path + relative)
            }
        }
    }
}

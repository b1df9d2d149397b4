import Foundation

extension FileSystem {
    /// A folder kept open while many files are made in it: each is named from the folder, so the kernel walks two
    /// names (`p09909/index.html`), not the whole path from the root, for each of ten thousand pages. Errors name
    /// the whole path. When the folder cannot be opened, names are made whole paths instead.
    final class OpenFolder: @unchecked Sendable {
        /// The folder's path, ending in `/`.
        let path: String
        /// The open folder, or `AT_FDCWD` with `prefix` the folder's path.
        private let descriptor: Int32
        private let prefix: String

        init(_ path: String) {
            self.path = path.hasSuffix("/") ? path : path + "/"
            let opened = open(self.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            descriptor = opened >= 0 ? opened : AT_FDCWD
            prefix = opened >= 0 ? "" : self.path
        }

        deinit { if descriptor != AT_FDCWD { close(descriptor) } }

        /// Creates `relative` and the folders above it inside this one (like `mkdir -p`), remembering what exists.
        func makeFolder(_ relative: String, known: inout Set<String>) throws {
            try FileSystem.makeFolder(prefix + relative, in: descriptor, shownAs: prefix.isEmpty ? path : "",
                                      known: &known)
        }

        /// Writes a file that is not there yet (as `write(_:replacing:fresh: true)` does), named from this folder.
        func writeNew(_ data: some ContiguousBytes, at relative: String) throws {
            try FileSystem.create(data, at: prefix + relative, in: descriptor, errorPath: path + relative)
        }
    }
}

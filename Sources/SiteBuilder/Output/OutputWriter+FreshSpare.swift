import Foundation

extension OutputWriter {
    /// The spare folder started afresh while the pages are rendered, so that each page is written as soon as it
    /// is made and its bytes leave memory: a clean build writes while it renders and never holds the whole site.
    /// The folder is emptied when the first file is to be written there, so a build that changes nothing touches
    /// nothing.
    ///
    /// Only for a spare with no generation to bring up to date (no manifest: a first or clean build, or one after
    /// a build that was stopped); a spare that holds a generation is changed only once every page is made
    /// (`prepareSpare`). The spare is not served, so a build that fails after writing some pages changes nothing a
    /// web server sees, and the spare, left without a manifest, is started afresh by the next build. The caller
    /// holds the build lock from before this is made until the site is published.
    final class FreshSpare: @unchecked Sendable {
        /// What the output folder holds: a file with the same bytes there is linked from it when the site is
        /// published (same inode, same time), not written again.
        private let published: Manifest?
        private let lock = NSLock()
        private let spare: URL
        /// The spare folder's path, ending in `/`.
        private let folder: String
        private var paths: Set<String> = []
        private var failure: (any Error)?
        /// Folders (relative to the spare) made ahead of the pages by `makeFolders`, and the threads making them.
        private var madeFolders: Set<String> = []
        private var folderMakers: [Background<Void>] = []
        /// The spare, emptied and opened the first time a file or folder is made: they are made from it.
        private var openSpare: FileSystem.OpenFolder?

        /// The spare folder of `writer`, which holds no generation, only what a stopped build may have left.
        init(for writer: OutputWriter, published: Manifest?) {
            self.published = published
            spare = writer.spare
            folder = writer.spare.path + "/"
        }

        /// Empties the spare folder the first time it is called.
        func empty() throws { _ = try opened() }

        /// The spare, emptied and opened the first time.
        private func opened() throws -> FileSystem.OpenFolder {
            try lock.withLock {
                if let openSpare { return openSpare }
                let manager = FileManager.default
                if FileSystem.exists(spare.path) { try manager.removeItem(at: spare) }
                try manager.createDirectory(at: spare, withIntermediateDirectories: true)
                let opened = FileSystem.OpenFolder(folder)
                openSpare = opened
                return opened
            }
        }

        /// Writes a file made now into the spare and returns it without its bytes (`written`). A file without
        /// bytes (reused from the output folder) or with the bytes published there is returned as it is: the
        /// writer links it when it publishes. A file that cannot be written is returned as it is too, and the
        /// error is kept (`check()`).
        func write(_ file: OutputFile) -> OutputFile {
            guard let data = file.bytes, published?.entries[file.path]?.digest != file.digest else { return file }
            do {
                let spare = try opened()
                if let slash = file.path.lastIndex(of: "/") {
                    let relative = String(file.path[..<slash])
                    if !lock.withLock({ madeFolders.contains(relative) }) {
                        var folders: Set<String> = []
                        try spare.makeFolder(relative, known: &folders)
                    }
                }
                try spare.writeNew(data, at: file.path)
            } catch {
                lock.withLock { failure = failure ?? error }
                return file
            }
            lock.withLock { _ = paths.insert(file.path) }
            return OutputFile(written: file)
        }

        /// Makes `folders` (relative to the spare, each after its parent or with it) on a thread of their own, in
        /// this order, while pages render: the order they will be written in. A folder is made once, one at a time:
        /// two cores making folders in the same big folder wait for each other in the kernel (10,000 section
        /// folders cost 0.25 s of CPU from one thread, 0.45 s from two). A page whose folder is not made yet makes it
        /// itself. Only folders that will hold a file: the published site has no empty folder. Only when nothing
        /// is published: otherwise most pages are the published ones, linked at the end, and a build that changes
        /// nothing must touch nothing.
        /// `folders` is called on that thread, and only then.
        func makeFolders(_ folders: @escaping @Sendable () -> [String]) {
            guard published == nil else { return }
            let maker = Background { [self] in
                let folders = folders()
                guard !folders.isEmpty, let spare = try? opened() else { return }
                var known: Set<String> = []
                for relative in folders {
                    guard (try? spare.makeFolder(relative, known: &known)) != nil else { continue }
                    lock.withLock { _ = madeFolders.insert(relative) }
                }
            }
            lock.withLock { folderMakers.append(maker) }
        }

        /// Waits until the folders asked for are made (before the spare is published, or left).
        func finishFolders() {
            for maker in lock.withLock({ folderMakers }) { _ = maker.value }
        }

        /// Whether `path` was written here.
        func holds(_ path: String) -> Bool { lock.withLock { paths.contains(path) } }

        /// The first write that failed, as the build's error.
        func check(_ writer: OutputWriter) throws(BuildFailure) {
            finishFolders()
            if let error = lock.withLock({ failure }) { throw writer.failure(error) }
        }
    }

    /// Starts a fresh spare when the build gets to rendering (its content loaded without errors: a build that
    /// fails on its content writes nothing, not even the spare) and holds the build lock it takes from then until
    /// the site is published (`release`). Starting again (a second pass of the same build) empties the spare again.
    final class FreshSpareStart: @unchecked Sendable {
        let writer: OutputWriter
        private let lock = NSLock()
        private var buildLock: BuildLock?
        private var current: FreshSpare?

        init(writer: OutputWriter) { self.writer = writer }

        /// `published`: what the output folder holds (see FreshSpare).
        func start(published: Manifest?) throws(BuildFailure) -> FreshSpare {
            if lock.withLock({ buildLock }) == nil {
                let taken = try BuildLock(output: writer.output)
                lock.withLock { buildLock = taken }
            }
            let spare = FreshSpare(for: writer, published: published)
            lock.withLock { current }?.finishFolders()
            lock.withLock { current = spare }
            return spare
        }

        /// The build lock and the spare, once started.
        var started: (lock: BuildLock, spare: FreshSpare)? {
            lock.withLock { buildLock.flatMap { held in current.map { (held, $0) } } }
        }

        func release() {
            lock.withLock { current }?.finishFolders()
            lock.withLock {
                buildLock?.release()
                buildLock = nil
            }
        }
    }

    /// A file system error while writing the site, for the webmaster: the output folder is as it was.
    func failure(_ error: any Error) -> BuildFailure {
        if let failure = error as? BuildFailure { return failure }
        return BuildFailure(diagnostics: [
            Diagnostic(path: output.path, "không ghi được trang web: \(FileSystem.reason(error).vi); thư mục xuất "
                           + "vẫn giữ nguyên như trước",
                       en: "cannot write the site: \(FileSystem.reason(error).en); the output folder is unchanged"),
        ])
    }
}

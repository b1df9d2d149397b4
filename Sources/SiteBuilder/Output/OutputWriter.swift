import CAtomicSwap
public import Foundation

/// Publishes a site into the output folder exactly: only files whose bytes changed are written, files that are
/// gone are deleted, and a build that changes nothing touches nothing.
///
/// Mechanism (two generations). The next generation is prepared in a spare folder beside the output folder,
/// `.Output.tiendo-spare`, which holds the generation before the current one. It is brought up to date file by
/// file: an unchanged file is kept, a file equal to the current one is hard-linked from `Output/` (same inode,
/// same modification time), a changed file is written beside its place and renamed over it; files no longer in
/// the site are deleted. Then the two folders are exchanged in one atomic step (`renameat2(RENAME_EXCHANGE)`):
/// a web server serving `Output/` sees either the old site or the new one, never a mix or a missing folder, even
/// if the build is killed at any moment. The old generation becomes the spare for the next build. A spare with no
/// generation (no manifest) is started afresh and written while the pages are rendered (FreshSpare).
public struct OutputWriter: Sendable {
    /// Written by older versions of Tiendo; a folder with it or with a manifest is Tiendo's to replace.
    static let legacyMarker = ".tiendo-output"

    public struct Summary: Sendable, Equatable {
        public var written = 0
        public var linked = 0
        public var deleted = 0
        /// False when the site was already exactly what the output folder held: nothing was touched.
        public var swapped = false
        /// Files the build reused unread (their bytes are the published ones) that are no longer intact where the
        /// writer must take them from: removed or changed by hand. Nothing was touched; the caller builds them
        /// again with their bytes (SiteBuild.run).
        public var missing: [String] = []

        public init() {}
    }

    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    var spare: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).tiendo-spare")
    }

    /// `current` is the output folder's manifest (Manifest.read), read before the build started; the lock is
    /// taken here, so it is read again if another build may have published since. Each file is checked where
    /// it is taken from: kept in the spare, linked from the output folder, or (for a build that changes
    /// nothing) left in the output folder.
    /// `spareCheck` is the spare folder's manifest and files when the caller read and checked them ahead
    /// (SpareCheck); they are used only if the manifest file still holds the bytes they come from. `lock` is the
    /// build lock when the caller holds it already; `fresh`, the spare started afresh that holds the files marked
    /// `written`.
    func publish(_ files: [OutputFile], manifest: Manifest, current known: Manifest?, lock held: BuildLock? = nil,
                 fresh: FreshSpare? = nil, spareCheck: SpareCheck? = nil) throws(BuildFailure) -> Summary {
        try checkReplaceable()
        let lock: BuildLock
        if let held { lock = held } else { lock = try BuildLock(output: output) }
        defer { if held == nil { lock.release() } }
        let current = known.flatMap { Self.unchanged($0, in: output) } ?? Manifest.read(in: output)
        if let current, current.entries == manifest.entries {
            let entries = Array(current.entries)
            let present = FileSystem.areRegularFiles(entries.map { ($0.key, $0.value.size) }, in: output.path)
            if present.allSatisfy({ $0 }) { return Summary() }
        }
        do {
            var summary = try prepareSpare(files, manifest: manifest, current: current ?? Manifest(),
                                           fresh: fresh, spareCheck: spareCheck)
            guard summary.missing.isEmpty else { return summary }
            try swapIn()
            summary.swapped = true
            return summary
        } catch {
            throw failure(error)
        }
    }

    /// `manifest` when the output folder's manifest file is still the one it was read from.
    private static func unchanged(_ manifest: Manifest, in folder: URL) -> Manifest? {
        manifest.isStill(at: folder.appendingPathComponent(Manifest.fileName).path) ? manifest : nil
    }

    /// Brings the spare folder to exactly the new site, touching only what differs from what it holds. What it
    /// needs is checked first, touching nothing: the files the spare already holds (a stat each, on all cores),
    /// then the files to link from the output folder. A file reused unread that is intact in neither place is
    /// reported in `missing`, and the spare is left as it was.
    private func prepareSpare(_ files: [OutputFile], manifest: Manifest, current: Manifest, fresh: FreshSpare?,
                              spareCheck: SpareCheck?) throws -> Summary {
        // The new manifest's bytes are made on another thread meanwhile.
        let manifestBytes = Background { manifest.serializedBytes() }
        let manager = FileManager.default
        let spareManifestURL = spare.appendingPathComponent(Manifest.fileName)
        // The spare is Tiendo's own folder: if the output folder was made read-only, it comes back read-only
        // as the spare after the exchange; make it writable again instead of failing the next build.
        if FileSystem.exists(spare.path), access(spare.path, W_OK) != 0 { chmod(spare.path, 0o755) }
        // A fresh spare holds only the files written into it as they were made. The manifest read ahead is used
        // while its file is unchanged, and when read beside the current manifest's lines, only beside these.
        let spareManifestPath = spareManifestURL.path
        var held: SpareCheck.Held?
        if fresh == nil {
            held = spareCheck?.held.flatMap { $0.isStill(at: spareManifestPath) ? $0 : nil }
            if case .compared(let compared) = held, !compared.wasCompared(with: current) { held = nil }
            if held == nil { held = Manifest.read(path: spareManifestPath).map { .whole($0) } }
        }
        let damaged = held.flatMap { spareCheck?.damaged(checking: $0.stamp) }
        let heldCount = held?.count ?? 0
        var (isKept, unchecked, stillWanted) = ([Bool](repeating: false, count: files.count), [Int](), 0)
        if let held {
            (isKept, unchecked, stillWanted) = Self.keptInSpare(files, held: held, current: current, damaged: damaged)
        }
        let present = FileSystem.areRegularFiles(unchecked.map { (files[$0].path, files[$0].size) }, in: spare.path)
        for (index, isPresent) in zip(unchecked, present) where isPresent { isKept[index] = true }
        let pending = zip(files, isKept).filter { !$0.1 }.map(\.0)
        let current = current.entries
        let linkable = pending.filter { current[$0.path]?.digest == $0.digest }
        let intact = FileSystem.areRegularFiles(linkable.map { ($0.path, $0.size) }, in: output.path)
        let linked = Set(zip(linkable, intact).filter(\.1).map(\.0.path))
        var summary = Summary()
        summary.missing = pending.filter { $0.bytes == nil && !$0.written && !linked.contains($0.path) }.map(\.path)
            .sorted()
        guard summary.missing.isEmpty else { return summary }
        let alreadyWritten = pending.filter(\.written)
        if let path = alreadyWritten.first(where: { fresh?.holds($0.path) != true })?.path {
            throw FileSystem.error(ENOENT, spare.path + "/" + path)
        }

        if let fresh {
            try fresh.empty()
        } else if held == nil {
            try? manager.removeItem(at: spare)
            try manager.createDirectory(at: spare, withIntermediateDirectories: true)
        }
        // From here until the new manifest is written the spare is in between: without a manifest, the next
        // build starts it afresh.
        try? manager.removeItem(at: spareManifestURL)
        try? manager.removeItem(at: spare.appendingPathComponent(Self.legacyMarker))
        // Nothing is where the files still to write go (so each is written in place, not beside it and renamed).
        let spareWasEmpty = fresh != nil || (heldCount == 0
            && ((try? manager.contentsOfDirectory(atPath: spare.path)) ?? []).isEmpty)
        let sparePath = spare.path + "/"
        let outputPath = output.path + "/"
        let results = try FileSystem.concurrently(pending.filter { !$0.written }) { file -> Bool in
            let target = sparePath + file.path
            // Each worker makes the folders of its own files: a clean build makes thousands, on all cores.
            if let slash = file.path.lastIndex(of: "/") {
                var folders: Set<String> = []
                try FileSystem.makeFolder(sparePath + file.path[..<slash], known: &folders)
            }
            // The spare is Tiendo's own folder: a folder put by hand where a file goes is removed.
            if !spareWasEmpty, FileSystem.isFolder(target) { try? FileManager.default.removeItem(atPath: target) }
            if linked.contains(file.path), try FileSystem.link(outputPath + file.path, replacing: target) {
                return true
            }
            guard let data = file.bytes else {
                throw BuildFailure(diagnostics: [
                    Diagnostic(path: outputPath + file.path, "đã thay đổi trong khi dựng; hãy dựng lại",
                               en: "changed during the build; build again"),
                ])
            }
            try FileSystem.write(data, replacing: target, fresh: spareWasEmpty)
            return false
        }
        summary.linked = results.filter { $0 }.count
        summary.written = results.count - summary.linked + alreadyWritten.count
        // Files the spare holds that the site no longer has (none when every one of them is still wanted).
        var gone: [String] = []
        if stillWanted < heldCount {
            let wanted = Set(files.map(\.path))
            gone = (held?.paths ?? []).filter { !wanted.contains($0) }.sorted()
        }
        for path in gone {
            try? manager.removeItem(at: spare.appendingPathComponent(path))
            summary.deleted += 1
        }
        if summary.deleted > 0 { FileSystem.removeEmptyFolders(below: spare) }
        try FileSystem.write(manifestBytes.value, replacing: spareManifestURL.path)
        return summary
    }

    /// Exchanges the spare and the output folder atomically (or renames the spare in when there is no output).
    private func swapIn() throws {
        if !FileManager.default.fileExists(atPath: output.path) {
            try FileManager.default.moveItem(at: spare, to: output)
            return
        }
        guard tiendo_exchange_paths(spare.path, output.path) == 0 else {
            let code = errno
            throw BuildFailure(diagnostics: [
                Diagnostic(path: output.path, "không thay được trang mới vào một lần (\(String(cString: strerror(code)))); "
                               + "thư mục xuất phải nằm trên ổ đĩa của máy này",
                           en: "cannot switch the new site in atomically: " + String(cString: strerror(code))
                               + " (the output folder must be a folder on a local file system)"),
            ])
        }
    }

    /// The output folder may be replaced when it does not exist, is empty, or was written by Tiendo.
    public func checkReplaceable() throws(BuildFailure) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw BuildFailure(diagnostics: [Diagnostic(path: output.path, "là một tệp, không phải thư mục",
                                                        en: "is a file, not a folder")])
        }
        if FileSystem.exists(output.path + "/" + Manifest.fileName) { return }
        let entries = ((try? manager.contentsOfDirectory(atPath: output.path)) ?? []).filter { $0 != ".gitkeep" }
        if entries.isEmpty || entries.contains(Manifest.fileName) || entries.contains(Self.legacyMarker) { return }
        throw BuildFailure(diagnostics: [
            Diagnostic(path: output.path, "không trống và không do Tiendo ghi ra; Tiendo không thay nó (hãy chọn "
                           + "--output khác hoặc làm trống thư mục)",
                       en: "is not empty and was not written by Tiendo; refusing to replace it (choose another "
                           + "--output, or empty the folder)"),
        ])
    }
}

import Foundation

extension SiteBuild {
    /// Generates the site against what the output folder holds and publishes it there.
    @discardableResult
    public func run() async throws(BuildFailure) -> BuildResult {
        // An output folder that is a symbolic link (`Output` → the web server's folder) is published into where it
        // leads: the generations are swapped beside that folder, and the link stays as it is.
        if let target = try Self.linkTarget(of: paths.output) {
            var build = self
            build.paths.output = target
            return try await build.run()
        }
        try checkOutputLocation()
        let writer = OutputWriter(output: paths.output)
        try writer.checkReplaceable()
        var timer = StepTimer()
        let output = paths.output
        // The sections' stamps are read meanwhile too: they decide which cache entries are used. They are started
        // first: listing the folder keeps one thread busy, and the two reads run on the other cores beside it
        // (started last, the listing left a core idle for a few milliseconds of a rebuild of 10,000 sections).
        let sections = paths.content.appendingPathComponent("sections").path
        let hasCache = FileSystem.exists(BuildCache.url(beside: output).path)
        let (content, templates) = (paths.content, paths.templates)
        async let readStamps = hasCache ? Self.stamps(sections: sections, content: content, templates: templates) : nil
        async let readManifest = Manifest.read(in: output)
        async let readCache = BuildCache.load(beside: output)
        var (published, readCacheValue, stamps) = await (readManifest, readCache, readStamps)
        var cache = readCacheValue
        cache?.sectionListing = stamps?.sections
        cache?.currentInputs = stamps?.inputs
        StepTimer.note("inputs but the data unchanged since the cache was written: "
                           + (cache.map { $0.inputsUnchanged ? "yes" : "no" } ?? "no cache"))
        timer.lap("read manifest and cache")
        // A spare with no generation to bring up to date is started afresh and written while pages are rendered.
        let fresh = FileSystem.exists(writer.spare.appendingPathComponent(Manifest.fileName).path)
            ? nil : OutputWriter.FreshSpareStart(writer: writer)
        defer { fresh?.release() }
        // The spare folder's manifest is read (beside the published one's lines) and its files are checked on other
        // threads while the content loads and pages render (the writer needs them last, and uses them only if the
        // manifests are unchanged).
        let spareCheck = OutputWriter.SpareCheck(spare: writer.spare)
        if fresh == nil { spareCheck.start(published: published) }
        var result = try await publish(with: writer, previous: published, cache: cache, fresh: fresh,
                                       spareCheck: spareCheck)
        if let missing = result.written?.missing, !missing.isEmpty {
            // Files removed or changed by hand in the output folder, which the build had reused unread: built
            // again, this time with their bytes (into a spare started afresh again).
            for path in missing { published?.entries[path] = nil }
            result = try await publish(with: writer, previous: published, cache: cache, fresh: fresh,
                                       spareCheck: spareCheck)
            if let path = result.written?.missing.first {
                throw BuildFailure(diagnostics: [
                    Diagnostic(path: output.appendingPathComponent(path).path,
                               "đã thay đổi trong khi dựng; hãy dựng lại", en: "changed during the build; build again"),
                ])
            }
        }
        result.keptUntilExit += [published, cache, spareCheck]
        return result
    }

    /// The folder `output` leads to when it is a symbolic link (followed to the end); nil when it is not one.
    static func linkTarget(of output: URL) throws(BuildFailure) -> URL? {
        var info = stat()
        guard lstat(output.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
        guard let resolved = realpath(output.path, nil) else {
            let shown = (try? FileManager.default.destinationOfSymbolicLink(atPath: output.path)) ?? "?"
            throw BuildFailure(diagnostics: [
                Diagnostic(path: output.path, "là liên kết tượng trưng (symbolic link) tới '\(shown)', nơi không có thư "
                               + "mục nào; hãy tạo thư mục đó hoặc sửa liên kết",
                           en: "is a symbolic link to '\(shown)', where there is no folder; create that folder or fix "
                               + "the link"),
            ])
        }
        defer { free(resolved) }
        return URL(fileURLWithPath: String(cString: resolved), isDirectory: true)
    }

    /// The stamps of the section files, and the digest of every input file's (InputStamps).
    private static func stamps(sections: String, content: URL, templates: URL)
        -> (sections: FolderListing, inputs: String) {
        // The other inputs' stamps are read on another thread meanwhile (a few dozen files, and Tiendo's binary).
        let others = Background { InputStamps.others(content: content, templates: templates) }
        let listing = FileStamp.all(in: sections)
        return (listing, InputStamps.digest(content: content, sections: listing, others: others.value))
    }

    /// One generation and its publication (see run()).
    private func publish(with writer: OutputWriter, previous published: Manifest?, cache: BuildCache?,
                         fresh start: OutputWriter.FreshSpareStart?,
                         spareCheck: OutputWriter.SpareCheck) async throws(BuildFailure) -> BuildResult {
        var result = try await generate(previous: published, cache: cache, fresh: start, textsBeside: paths.output)
        let fresh = start?.started
        do {
            try fresh?.spare.check(writer)
        } catch {
            result.stagedTexts.forEach { $0.value?.discard() }
            result.stagedCache?.value?.discard()
            throw error
        }
        var timer = StepTimer()
        // The cache and the search texts (started by `generate`) are serialized and written beside their files on
        // other threads, one each (one after the other, they kept a single core busy for the last 0.1 s of a clean
        // build of 10,000 sections), while the writer publishes; they replace their files only after it succeeded.
        let newCache = result.cacheChanged ? result.cache : nil
        let output = paths.output
        let staging = [result.stagedCache ?? Background { newCache?.stage(beside: output) }] + result.stagedTexts
        func staged() -> [FileSystem.Staged] { staging.compactMap(\.value) }
        let written: OutputWriter.Summary
        do {
            written = try writer.publish(result.files, manifest: result.manifest, current: published,
                                         lock: fresh?.lock, fresh: fresh?.spare, spareCheck: spareCheck)
        } catch {
            staged().forEach { $0.discard() }
            throw error
        }
        result.written = written
        guard written.missing.isEmpty else {
            staged().forEach { $0.discard() }
            return result
        }
        staged().forEach { $0.commit() }
        timer.lap("write")
        return result
    }
}

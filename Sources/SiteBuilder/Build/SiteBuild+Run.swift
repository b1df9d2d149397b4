import Foundation

extension SiteBuild {
    /// Generates the site against what the output folder holds and publishes it there.
    @discardableResult
    public func run() async throws(BuildFailure) -> BuildResult {
        try checkOutputLocation()
        let writer = OutputWriter(output: paths.output)
        try writer.checkReplaceable()
        var timer = StepTimer()
        let output = paths.output
        async let readManifest = Manifest.read(in: output)
        async let readCache = BuildCache.load(beside: output)
        // The sections' stamps are read meanwhile too: they decide which cache entries are used.
        let sections = paths.content.appendingPathComponent("sections").path
        let hasCache = FileSystem.exists(BuildCache.url(beside: output).path)
        async let readStamps = hasCache ? FileStamp.all(in: sections) : nil
        // The spare folder's manifest too, on its own thread: the writer needs it last (and checks then that the
        // file is unchanged), so it is parsed while a core is free.
        let spareFolder = writer.spare
        let readSpare = Background { Manifest.read(in: spareFolder) }
        var (published, readCacheValue, stamps) = await (readManifest, readCache, readStamps)
        var cache = readCacheValue
        cache?.sectionListing = stamps
        timer.lap("read manifest and cache")
        // A spare with no generation to bring up to date is started afresh and written while pages are rendered.
        let fresh = FileSystem.exists(writer.spare.appendingPathComponent(Manifest.fileName).path)
            ? nil : OutputWriter.FreshSpareStart(writer: writer)
        defer { fresh?.release() }
        // The spare's files are checked while the build does its one-core work after rendering (a build that
        // starts the spare afresh has nothing in it to check).
        let spareCheck = fresh == nil ? OutputWriter.SpareCheck(spare: writer.spare, manifest: readSpare) : nil
        var result = try await publish(with: writer, previous: published, cache: cache, spare: readSpare, fresh: fresh,
                                       spareCheck: spareCheck)
        if let missing = result.written?.missing, !missing.isEmpty {
            // Files removed or changed by hand in the output folder, which the build had reused unread: built
            // again, this time with their bytes (into a spare started afresh again).
            for path in missing { published?.entries[path] = nil }
            result = try await publish(with: writer, previous: published, cache: cache, spare: readSpare, fresh: fresh,
                                       spareCheck: nil)
            if let path = result.written?.missing.first {
                throw BuildFailure(diagnostics: [
                    Diagnostic(path: output.appendingPathComponent(path).path,
                               "đã thay đổi trong khi dựng; hãy dựng lại", en: "changed during the build; build again"),
                ])
            }
        }
        result.keptUntilExit = [published, cache, readSpare]
        return result
    }

    /// One generation and its publication (see run()).
    private func publish(with writer: OutputWriter, previous published: Manifest?, cache: BuildCache?,
                         spare: Background<Manifest?>, fresh start: OutputWriter.FreshSpareStart?,
                         spareCheck: OutputWriter.SpareCheck?) async throws(BuildFailure) -> BuildResult {
        var afterRender: (@Sendable () -> Void)?
        if let spareCheck { afterRender = { spareCheck.start() } }
        var result = try await generate(previous: published, cache: cache, fresh: start, afterRender: afterRender)
        let fresh = start?.started
        try fresh?.spare.check(writer)
        var timer = StepTimer()
        // The cache and the search texts are serialized and written beside their files on another thread while
        // the writer publishes; they replace their files only after it succeeded.
        let newCache = result.cacheChanged ? result.cache : nil
        let searchTexts = result.searchTexts
        let output = paths.output
        let sidecars = Background { () -> [FileSystem.Staged] in
            var staged: [FileSystem.Staged?] = []
            if let newCache { staged.append(newCache.stage(beside: output)) }
            for (prefix, texts) in searchTexts {
                staged.append(FileSystem.stage(SearchTexts.serialized(texts),
                                               for: SearchTexts.url(beside: output, prefix: prefix).path))
            }
            return staged.compactMap { $0 }
        }
        let written: OutputWriter.Summary
        do {
            written = try writer.publish(result.files, manifest: result.manifest, current: published,
                                         spare: spare.value, lock: fresh?.lock, fresh: fresh?.spare,
                                         spareCheck: spareCheck)
        } catch {
            sidecars.value.forEach { $0.discard() }
            throw error
        }
        result.written = written
        guard written.missing.isEmpty else {
            sidecars.value.forEach { $0.discard() }
            return result
        }
        sidecars.value.forEach { $0.commit() }
        timer.lap("write")
        return result
    }
}

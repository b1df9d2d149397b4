import Foundation

/// The spare folder's manifest, read line by line beside the published manifest's lines (Manifest.Lines). The two
/// generations differ only in what the last build changed, and both files are sorted by path, so walking them side
/// by side finds which lines are the same bytes: those are not parsed again (no path string, no digest), and the
/// writer finds the spare's entry for each file from the published line it stands beside (OutputWriter), instead of
/// looking ten thousand paths up in a dictionary. Parsed into a dictionary, the spare's manifest and those
/// look-ups were a twentieth of the CPU of a one-cell rebuild of 10,000 sections.
struct SpareManifest: Sendable {
    /// The stamp of the spare's manifest file as read, and of the published one it was compared with.
    let stamp: FileStamp
    let publishedStamp: FileStamp
    /// For each line of the published manifest: whether the spare's manifest has the same line (same path,
    /// digest, size and fingerprint).
    let sameLines: [Bool]
    /// The spare's entries for the paths whose lines differ; nil for a published path the spare has no line for.
    let differing: [String: Manifest.Entry?]
    /// The spare's own lines, each with its entry (a same line's is the published line's).
    let lines: Manifest.Lines

    var count: Int { lines.count }

    /// Nil when there is no such file, when it is not a manifest, when its paths are not in strictly increasing
    /// byte order, or when `published` was not read line by line: the caller then reads it whole (Manifest.read).
    static func read(path: String, comparingWith published: Manifest) -> SpareManifest? {
        guard let publishedLines = published.lines, let publishedStamp = published.stamp,
              let (bytes, stamp) = FileStamp.read(path),
              let walked = walk(bytes, beside: publishedLines) else { return nil }
        return SpareManifest(stamp: stamp, publishedStamp: publishedStamp, sameLines: walked.sameLines,
                             differing: walked.differing, lines: Manifest.Lines(bytes: bytes, recorded: walked.spare))
    }

    private struct Walked {
        var sameLines: [Bool]
        var differing: [String: Manifest.Entry?] = [:]
        var spare: Manifest.Lines.Recorder
    }

    private static func walk(_ bytes: [UInt8], beside lines: Manifest.Lines) -> Walked? {
        let header = Array((Manifest.header + "\n").utf8)
        guard bytes.starts(with: header) else { return nil }
        var walked = Walked(sameLines: [Bool](repeating: false, count: lines.count),
                            spare: Manifest.Lines.Recorder(capacity: lines.count))
        let ok = bytes.withUnsafeBufferPointer { spare -> Bool in
            lines.bytes.withUnsafeBufferPointer { published -> Bool in
                guard let base = spare.baseAddress, let other = published.baseAddress else { return false }
                let end = spare.count
                var next = 0
                var start = header.count
                while start < end {
                    guard let tab = memchr(base + start, 0x09, end - start),
                          let lineFeed = memchr(base + start, 0x0A, end - start) else { return false }
                    let pathEnd = UnsafePointer(tab.assumingMemoryBound(to: UInt8.self)) - base
                    let lineEnd = UnsafePointer(lineFeed.assumingMemoryBound(to: UInt8.self)) - base + 1
                    guard pathEnd < lineEnd else { return false }
                    // Published lines whose paths come first: the spare has none for them.
                    var order = 1
                    while next < lines.count {
                        let publishedStart = lines.starts[next]
                        order = Manifest.Lines.compare(other + publishedStart, lines.pathEnds[next] - publishedStart,
                                                       base + start, pathEnd - start)
                        guard order < 0 else { break }
                        walked.differing.updateValue(nil, forKey: lines.path(next))
                        next += 1
                    }
                    let length = lineEnd - start
                    let entry: Manifest.Entry
                    if order == 0, lines.end(of: next) - lines.starts[next] == length,
                       memcmp(base + start, other + lines.starts[next], length) == 0 {
                        walked.sameLines[next] = true
                        entry = lines.entries[next]
                    } else {
                        guard let line = Manifest.parseLine(base, count: end, at: start), line.next == lineEnd
                        else { return false }
                        walked.differing.updateValue(line.entry, forKey: line.path)
                        entry = line.entry
                    }
                    if order == 0 { next += 1 }
                    // Out of order (the recorder checks): not compared.
                    guard walked.spare.record(start: start, pathEnd: pathEnd, entry: entry, in: base) else {
                        return false
                    }
                    start = lineEnd
                }
                while next < lines.count {
                    walked.differing.updateValue(nil, forKey: lines.path(next))
                    next += 1
                }
                return true
            }
        }
        return ok ? walked : nil
    }

    /// The spare's entry for `path`, given the published manifest it was compared with.
    func entry(_ path: String, published: Manifest) -> Manifest.Entry? {
        if let found = differing[path] { return found }
        return published.entries[path]
    }

    /// Whether it was compared with `published` as it is now (the same file, its entries untouched).
    func wasCompared(with published: Manifest) -> Bool {
        published.lines?.count == sameLines.count && published.stamp == publishedStamp
    }

    /// Every path it lists (made only when some of them are no longer in the site).
    var paths: [String] { (0..<count).map(lines.path) }

    /// The paths of its files that are not a regular file of the recorded size in `folder`, with one `stat` each on
    /// all cores (the path taken from the line's bytes, not made into a string).
    func damaged(in folder: String) -> Set<String> {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return Set(paths) }
        defer { close(descriptor) }
        let chunks = FileSystem.chunks(of: count, perCore: 8)
        let found = (try? FileSystem.concurrently(chunks) { range -> [Int] in
            lines.bytes.withUnsafeBufferPointer { buffer -> [Int] in
                guard let base = buffer.baseAddress else { return Array(range) }
                var damaged: [Int] = []
                var name = [CChar](repeating: 0, count: 256)
                for index in range {
                    let (start, length) = (lines.starts[index], lines.pathEnds[index] - lines.starts[index])
                    if name.count <= length { name = [CChar](repeating: 0, count: length + 1) }
                    let intact = name.withUnsafeMutableBufferPointer { name -> Bool in
                        guard let target = name.baseAddress else { return false }
                        UnsafeMutableRawPointer(target).copyMemory(from: base + start, byteCount: length)
                        target[length] = 0
                        return FileSystem.isRegularFile(target, size: lines.entries[index].size, in: descriptor)
                    }
                    if !intact { damaged.append(index) }
                }
                return damaged
            }
        }) ?? [Array(0..<count)]
        return Set(found.joined().map(lines.path))
    }
}

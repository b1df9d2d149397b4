import Foundation

extension OutputWriter {
    /// One pass over the site's files (ten thousand on a rebuild that changes a few): which the spare holds with
    /// the same bytes, and how many of the spare's files are still in the site. A file the spare holds with the
    /// same bytes is kept when it is intact: known from the check made ahead (`damaged`, the files of the spare's
    /// manifest that are not), or else still to check (`unchecked`).
    /// With the spare's manifest read beside `current`'s lines (SpareManifest), each file's line is found by
    /// walking those lines beside the files (both are sorted by path); a file whose line is not where the walk
    /// stands (a path the two orders disagree on) is looked up.
    static func keptInSpare(_ files: [OutputFile], held: SpareCheck.Held, current: Manifest,
                            damaged: Set<String>?) -> (isKept: [Bool], unchecked: [Int], stillWanted: Int) {
        var isKept = [Bool](repeating: false, count: files.count)
        var unchecked: [Int] = []
        var stillWanted = 0
        func consider(_ index: Int, _ file: OutputFile, _ entry: Manifest.Entry?) {
            guard let entry else { return }
            stillWanted += 1
            guard entry.digest == file.digest else { return }
            if let damaged {
                isKept[index] = damaged.isEmpty || !damaged.contains(file.path)
            } else {
                unchecked.append(index)
            }
        }
        switch held {
        case .compared(let spare) where spare.wasCompared(with: current):
            guard let lines = current.lines else { break }
            var next = 0
            for (index, file) in files.enumerated() {
                var order = -1
                while next < lines.count {
                    order = lines.comparePath(next, with: file.path)
                    if order >= 0 { break }
                    next += 1
                }
                if next < lines.count, order == 0 {
                    consider(index, file, spare.sameLines[next] ? lines.entries[next]
                                                                : spare.differing[file.path].flatMap { $0 })
                    next += 1
                } else {
                    consider(index, file, spare.entry(file.path, published: current))
                }
            }
        case .compared:
            // Compared with another manifest than the current one: not used (the caller reads the spare's whole).
            break
        case .whole(let manifest):
            for (index, file) in files.enumerated() { consider(index, file, manifest.entries[file.path]) }
        }
        return (isKept, unchecked, stillWanted)
    }
}

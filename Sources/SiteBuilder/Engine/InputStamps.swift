import Foundation

/// A digest of every input file but the data tables: the path and stamp (FileStamp) of each file below
/// `Content/` (except `Content/data/`) and `Templates/`. Equal digests mean that, of all the files a build reads,
/// at most the data tables changed since: then a section page whose body refers to nothing is made from exactly
/// what it was made from before (see SectionRecipe.dataOnlyShortcut), and its recipe need not be computed.
enum InputStamps {
    static func digest(content: URL, templates: URL, sections: FolderListing) -> String {
        digest(content: content, sections: sections, others: others(content: content, templates: templates))
    }

    /// The digest from the section files' listing and the lines of every other input (`others`, which a build
    /// makes on another core while it reads the sections' stamps).
    static func digest(content: URL, sections: FolderListing, others: [String]) -> String {
        var hasher = StableHasher()
        hasher.combine("input-stamps 5")
        // The section files (thousands), in name order, each by name and stamp; what is not a regular file below.
        var lines: [String] = []
        hasher.combine(sections.entries.count)
        for (name, stamp) in sections.entries {
            hasher.combine(name)
            guard let stamp else {
                walk(content.path + "/sections/" + name, as: "C/sections/" + name, into: &lines, depth: 1)
                continue
            }
            stamp.combine(into: &hasher)
        }
        lines += others
        hasher.combine(lines.count)
        for line in lines { hasher.combine(line) }
        return hasher.finalize()
    }

    /// The lines of every input but the section files: Tiendo itself (its binary's stamp: another version may
    /// check or make pages otherwise), then every other file below `Content/` but the data, then `Templates/`, by
    /// path and stamp (a link followed), or what it is when it is not a regular file.
    static func others(content: URL, templates: URL) -> [String] {
        var lines: [String] = []
        walk(Bundle.main.executablePath ?? CommandLine.arguments.first ?? "", as: "tiendo", into: &lines, depth: 16)
        for name in listing(content.path) where name != "data" && name != "sections" {
            walk(content.path + "/" + name, as: "C/" + name, into: &lines, depth: 1)
        }
        walk(templates.path, as: "T", into: &lines, depth: 0)
        return lines
    }

    /// One line for a file (its stamp, following a link), or the lines of a folder's files; a name that cannot
    /// be looked at still gives a line, so that its coming back is a change.
    /// Folders are entered once each (by device and inode), so links that lead back up end the walk.
    private static func walk(_ path: String, as name: String, into lines: inout [String], depth: Int) {
        var seen: Set<[Int64]> = []
        walk(path, as: name, into: &lines, depth: depth, seen: &seen)
    }

    private static func walk(_ path: String, as name: String, into lines: inout [String], depth: Int,
                             seen: inout Set<[Int64]>) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            lines.append(name + "\t?")
            return
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard seen.insert([Int64(info.st_dev), Int64(info.st_ino)]).inserted else {
                lines.append(name + "\t/again")
                return
            }
            lines.append(name + "\t/")
            guard depth < 16 else { return }
            for child in listing(path) {
                walk(path + "/" + child, as: name + "/" + child, into: &lines, depth: depth + 1, seen: &seen)
            }
        } else if let stamp = FileStamp(info) {
            lines.append(name + "\t" + describe(stamp))
        } else {
            lines.append(name + "\t" + String(info.st_mode))
        }
    }

    private static func listing(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    private static func describe(_ stamp: FileStamp) -> String {
        stamp.numbers.map(String.init).joined(separator: ",")
    }
}

import Foundation

/// Writes a whole site into a temporary folder beside the output folder, then swaps it in, so a failed or
/// interrupted build never leaves a half-written `Output/`.
struct OutputWriter {
    /// Marks a folder as Tiendo's output; a non-empty folder without it is never replaced.
    static let marker = ".tiendo-output"

    var output: URL

    func write(_ files: [OutputFile]) throws(BuildFailure) {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        try checkReplaceable()
        let staging = parent.appendingPathComponent(".\(name).tiendo-new-\(ProcessInfo.processInfo.processIdentifier)")
        let retired = parent.appendingPathComponent(".\(name).tiendo-old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? manager.removeItem(at: staging)
            try? manager.removeItem(at: retired)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in files {
                let target = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: target)
            }
            try Data().write(to: staging.appendingPathComponent(Self.marker))
            if manager.fileExists(atPath: output.path) {
                try manager.moveItem(at: output, to: retired)
            }
            do {
                try manager.moveItem(at: staging, to: output)
            } catch {
                if manager.fileExists(atPath: retired.path) { try? manager.moveItem(at: retired, to: output) }
                throw error
            }
            try? manager.removeItem(at: retired)
        } catch {
            try? manager.removeItem(at: staging)
            throw BuildFailure(diagnostics: [
                Diagnostic(path: output.path, message: "cannot write the site: \(error.localizedDescription)"),
            ])
        }
    }

    /// The output folder may be replaced when it does not exist, is empty, or was written by Tiendo.
    func checkReplaceable() throws(BuildFailure) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw BuildFailure(diagnostics: [Diagnostic(path: output.path, message: "is a file, not a folder")])
        }
        let entries = ((try? manager.contentsOfDirectory(atPath: output.path)) ?? []).filter { $0 != ".gitkeep" }
        if entries.isEmpty || entries.contains(Self.marker) { return }
        throw BuildFailure(diagnostics: [
            Diagnostic(path: output.path, message: "is not empty and was not written by Tiendo; refusing to replace "
                + "it (choose another --output, or empty the folder)"),
        ])
    }
}

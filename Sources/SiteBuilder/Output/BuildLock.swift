import Foundation

/// Keeps two builds from writing the same output folder at once.
struct BuildLock {
    private let descriptor: Int32

    /// Takes the lock beside `output`, making the folder that holds it if there is none yet (a first build into
    /// `--output new/folder/Out`): a build takes it only once its content loaded without errors.
    init(output: URL) throws(BuildFailure) {
        let parent = output.deletingLastPathComponent()
        let path = parent.appendingPathComponent(".\(output.lastPathComponent).tiendo-lock").path
        var descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT,
           (try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)) != nil {
            descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else {
            let reason = FileSystem.reason(FileSystem.error(errno, path))
            throw BuildFailure(diagnostics: [
                Diagnostic(path: output.path, "không ghi được trang web: \(reason.vi); thư mục xuất vẫn giữ nguyên như trước",
                           en: "cannot write the site: \(reason.en); the output folder is unchanged"),
            ])
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw BuildFailure(diagnostics: [
                Diagnostic(path: output.path, "một lần dựng khác đang ghi vào thư mục này; hãy chờ nó xong",
                           en: "another build is writing this folder; wait for it to finish"),
            ])
        }
        self.descriptor = descriptor
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

import Foundation

/// Keeps two builds from writing the same output folder at once.
struct BuildLock {
    private let descriptor: Int32

    init(output: URL) throws(BuildFailure) {
        let path = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).tiendo-lock")
        descriptor = open(path.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            throw BuildFailure(diagnostics: [
                Diagnostic(path: output.path, "một lần dựng khác đang ghi vào thư mục này; hãy chờ nó xong",
                           en: "another build is writing this folder; wait for it to finish"),
            ])
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

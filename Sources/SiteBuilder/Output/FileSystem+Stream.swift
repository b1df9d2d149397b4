import Foundation

extension FileSystem {
    /// An open file written part by part (see `stage(for:_:)`).
    final class Sink {
        fileprivate let descriptor: Int32

        fileprivate init(descriptor: Int32) { self.descriptor = descriptor }

        /// Writes all of `bytes`; throws the error of a write that failed.
        func write(_ bytes: [UInt8]) throws {
            let failure = FileSystem.writeAll(bytes, to: descriptor)
            if failure != 0 { throw FileSystem.error(failure, "(descriptor \(descriptor))") }
        }
    }

    /// Writes what `produce` gives, part by part, beside `path`, to be renamed over it later (see `stage`); nil
    /// when it cannot be written. For a file of megabytes made of many small parts: no buffer holds it whole
    /// (at the end of a clean build of 10,000 sections, an 11 MB buffer cost more than writing it: the kernel
    /// clears every new page of memory).
    static func stage(for path: String, _ produce: (Sink) throws -> Void) -> Staged? {
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        do {
            try produce(Sink(descriptor: descriptor))
        } catch {
            close(descriptor)
            unlink(temporary)
            return nil
        }
        guard close(descriptor) == 0 else {
            unlink(temporary)
            return nil
        }
        return Staged(temporary: temporary, target: path, obsolete: nil)
    }
}

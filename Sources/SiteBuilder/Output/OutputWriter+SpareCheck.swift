import Foundation

extension OutputWriter {
    /// The spare folder's manifest, read, and its files checked ahead (each a regular file of the size the
    /// manifest records), on another thread while the content loads and pages render: the writer then checks
    /// only what this did not (see `prepareSpare`). The check holds only for the manifest it was made against.
    final class SpareCheck: @unchecked Sendable {
        private let spare: URL
        private let lock = NSLock()
        /// The manifest read, and the files of it that are not intact (none, usually).
        private var result: Background<(manifest: Manifest?, damaged: Set<String>)>?

        init(spare: URL) { self.spare = spare }

        /// Starts reading the manifest and checking the files (once).
        func start() {
            lock.withLock {
                guard result == nil else { return }
                let spare = spare
                result = Background {
                    guard let held = Manifest.read(in: spare) else { return (nil, []) }
                    let entries = held.entries.map { ($0.key, $0.value.size) }
                    let present = FileSystem.areRegularFiles(entries, in: spare.path)
                    return (held, Set(zip(entries, present).lazy.filter { !$0.1 }.map { $0.0.0 }))
                }
            }
        }

        /// The spare's manifest as read (starting the check if it was not).
        var manifest: Manifest? {
            start()
            return lock.withLock { result }?.value.manifest
        }

        /// The files of `held` that are not intact (none, usually), when the check was made against it (read from
        /// the same file, by its stamp): every other file of it is. Nil before the check was started.
        func damaged(checking held: Manifest) -> Set<String>? {
            guard let result = lock.withLock({ result })?.value, let stamp = held.stamp,
                  result.manifest?.stamp == stamp else { return nil }
            return result.damaged
        }
    }
}

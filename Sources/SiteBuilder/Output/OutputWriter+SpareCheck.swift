import Foundation

extension OutputWriter {
    /// The spare folder's manifest, read, and its files checked ahead (each a regular file of the size the
    /// manifest records), on other threads while the build does its one-core work after rendering (link check,
    /// search index, collecting): the writer then checks only what this did not (see `prepareSpare`), and the
    /// cores were busy rendering before. The check holds only for the manifest it was made against.
    final class SpareCheck: @unchecked Sendable {
        private let spare: URL
        private let lock = NSLock()
        private var reading: Background<Manifest?>?
        private var checking: Background<Set<String>>?

        init(spare: URL) { self.spare = spare }

        /// Starts reading the manifest and checking the files (once).
        func start() {
            lock.withLock {
                guard reading == nil else { return }
                let spare = spare
                let read = Background { Manifest.read(in: spare) }
                reading = read
                checking = Background {
                    guard let held = read.value else { return [] }
                    let entries = held.entries.map { ($0.key, $0.value.size) }
                    let present = FileSystem.areRegularFiles(entries, in: spare.path)
                    return Set(zip(entries, present).lazy.filter { !$0.1 }.map { $0.0.0 })
                }
            }
        }

        /// The spare's manifest as read (starting the check if it was not).
        var manifest: Manifest? {
            start()
            return lock.withLock { reading }?.value
        }

        /// The files of `held` that are not intact (none, usually), when the check was made against it (the same
        /// bytes): every other file of it is. Nil before the check was started.
        func damaged(checking held: Manifest) -> Set<String>? {
            guard let (reading, checking) = lock.withLock({ reading.flatMap { read in checking.map { (read, $0) } } }),
                  let source = held.source, let checked = reading.value, checked.source == source else { return nil }
            return checking.value
        }
    }
}

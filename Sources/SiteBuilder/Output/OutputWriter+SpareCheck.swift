import Foundation

extension OutputWriter {
    /// The spare folder's manifest, read, and its files checked ahead (each a regular file of the size the
    /// manifest records), on another thread while the content loads and pages render: the writer then checks
    /// only what this did not (see `prepareSpare`). The check holds only for the manifest it was made against.
    final class SpareCheck: @unchecked Sendable {
        /// The spare's manifest as read: beside the published manifest's lines (SpareManifest), or whole.
        enum Held: Sendable {
            case compared(SpareManifest)
            case whole(Manifest)

            var stamp: FileStamp? {
                switch self {
                case .compared(let manifest): manifest.stamp
                case .whole(let manifest): manifest.stamp
                }
            }

            var count: Int {
                switch self {
                case .compared(let manifest): manifest.count
                case .whole(let manifest): manifest.entries.count
                }
            }

            /// Every path it lists (made only when some of them are no longer in the site).
            var paths: [String] {
                switch self {
                case .compared(let manifest): manifest.paths
                case .whole(let manifest): Array(manifest.entries.keys)
                }
            }

            /// Whether the spare's manifest file is still the one read.
            func isStill(at path: String) -> Bool { stamp != nil && FileStamp.of(path) == stamp }
        }

        private let spare: URL
        private let lock = NSLock()
        /// The manifest read, and the files of it that are not intact (none, usually).
        private var result: Background<(held: Held?, damaged: Set<String>)>?

        init(spare: URL) { self.spare = spare }

        /// Starts reading the manifest and checking the files (once). With `published` (the output folder's
        /// manifest, read line by line), the spare's manifest is read beside it (SpareManifest).
        func start(published: Manifest? = nil) {
            lock.withLock {
                guard result == nil else { return }
                let spare = spare
                result = Background {
                    let path = spare.appendingPathComponent(Manifest.fileName).path
                    if let published, let compared = SpareManifest.read(path: path, comparingWith: published) {
                        return (.compared(compared), compared.damaged(in: spare.path))
                    }
                    guard let held = Manifest.read(path: path) else { return (nil, []) }
                    let entries = held.entries.map { ($0.key, $0.value.size) }
                    let present = FileSystem.areRegularFiles(entries, in: spare.path)
                    return (.whole(held), Set(zip(entries, present).lazy.filter { !$0.1 }.map { $0.0.0 }))
                }
            }
        }

        /// The spare's manifest as read (starting the check if it was not).
        var held: Held? {
            start()
            return lock.withLock { result }?.value.held
        }

        /// The files of the manifest read from the file with `stamp` that are not intact (none, usually), when the
        /// check was made against that file: every other file of it is. Nil before the check was started.
        func damaged(checking stamp: FileStamp?) -> Set<String>? {
            guard let result = lock.withLock({ result })?.value, let stamp,
                  result.held?.stamp == stamp else { return nil }
            return result.damaged
        }
    }
}

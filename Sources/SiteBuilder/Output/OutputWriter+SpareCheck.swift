import Foundation

extension OutputWriter {
    /// The spare's files checked ahead, each a regular file of the size the spare's manifest records, on other
    /// threads while the build does its one-core work after rendering (link check, search index, collecting):
    /// the writer then checks only what this did not (see `prepareSpare`). Used only when the spare's manifest is
    /// still the one checked against.
    final class SpareCheck: @unchecked Sendable {
        private let spare: URL
        private let manifest: Background<Manifest?>
        private let lock = NSLock()
        private var started: Background<(manifest: Manifest, intact: [String: Bool])?>?

        init(spare: URL, manifest: Background<Manifest?>) {
            self.spare = spare
            self.manifest = manifest
        }

        /// Starts the check (once).
        func start() {
            lock.withLock {
                guard started == nil else { return }
                let (spare, manifest) = (spare, manifest)
                started = Background {
                    guard let held = manifest.value, held.source != nil else { return nil }
                    let entries = held.entries.map { ($0.key, $0.value.size) }
                    let present = FileSystem.areRegularFiles(entries, in: spare.path)
                    var intact: [String: Bool] = [:]
                    intact.reserveCapacity(entries.count)
                    for ((path, _), isPresent) in zip(entries, present) { intact[path] = isPresent }
                    return (held, intact)
                }
            }
        }

        /// What the check found, when it was started and checked the spare's manifest `held` (the same bytes).
        func intact(checking held: Manifest) -> [String: Bool]? {
            guard let result = lock.withLock({ started })?.value, let source = held.source,
                  result.manifest.source == source else { return nil }
            return result.intact
        }
    }
}

import Foundation

/// A name a template reads (`title`, `text`, `nav`), with a number that is the same for the same name everywhere
/// in the process. Templates are compiled with numbers and the views' field tables are indexed by them, so a
/// lookup while rendering is an array access, not a `String` hashed into a dictionary (that hashing was a sixth of
/// filling the templates).
struct FieldName: Sendable, Hashable {
    let id: Int
    let name: String

    init(_ name: String) {
        self.name = name
        id = Self.registry.id(for: name)
    }

    private static let registry = Registry()

    /// The numbers given so far. Names are numbered when a view type's field table, a theme or an interface text
    /// is first made, never while pages render.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var ids: [String: Int] = [:]

        func id(for name: String) -> Int {
            lock.withLock {
                if let id = ids[name] { return id }
                let id = ids.count
                ids[name] = id
                return id
            }
        }
    }
}

/// Values by name number: `table[name]` is nil for a name the table does not hold.
struct FieldTable<Value>: Sendable where Value: Sendable {
    private let values: [Value?]

    init(_ pairs: [(FieldName, Value)]) {
        var values = [Value?](repeating: nil, count: (pairs.map(\.0.id).max() ?? -1) + 1)
        for (name, value) in pairs where values[name.id] == nil { values[name.id] = value }
        self.values = values
    }

    subscript(id: Int) -> Value? {
        id < values.count ? values[id] : nil
    }
}

/// A dictionary's entries sorted by key, taking a known order of its keys when there is one: sorting ten thousand
/// paths on every build cost more than checking that an order still holds (every key present, each after the one
/// before it).
enum KnownOrder {
    static func sorted<Value>(_ entries: [String: Value], hint: [String]?) -> [(key: String, value: Value)] {
        if let hint, hint.count == entries.count {
            var ordered: [(key: String, value: Value)] = []
            ordered.reserveCapacity(hint.count)
            for (index, key) in hint.enumerated() {
                guard let value = entries[key], index == 0 || hint[index - 1] < key else { break }
                ordered.append((key, value))
            }
            if ordered.count == entries.count { return ordered }
        }
        return entries.sorted { $0.key < $1.key }
    }
}

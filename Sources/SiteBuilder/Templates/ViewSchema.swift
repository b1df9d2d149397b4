/// The shape of a view model, read by reflection, so templates can be checked for keys it does not have.
indirect enum ViewSchema: Sendable, Equatable {
    case object([String: ViewSchema])
    case list(ViewSchema)
    case scalar
    /// Nothing is known (an empty list or a nil optional): any key is accepted.
    case unknown

    static func of(_ value: Any) -> ViewSchema {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return .unknown }
            return of(wrapped)
        case .collection, .set:
            return .list(mirror.children.reduce(ViewSchema.unknown) { $0.merged(with: of($1.value)) })
        case .dictionary:
            var fields: [String: ViewSchema] = [:]
            for child in mirror.children {
                let pair = Mirror(reflecting: child.value).children.map(\.value)
                if pair.count == 2, let key = pair[0] as? String {
                    fields[key] = (fields[key] ?? .unknown).merged(with: of(pair[1]))
                }
            }
            return .object(fields)
        case .struct, .class:
            var fields: [String: ViewSchema] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                fields[label] = of(child.value)
            }
            return .object(fields)
        default:
            return .scalar
        }
    }

    func merged(with other: ViewSchema) -> ViewSchema {
        switch (self, other) {
        case (.unknown, _): return other
        case (_, .unknown): return self
        case let (.object(a), .object(b)):
            return .object(a.merging(b) { $0.merged(with: $1) })
        case let (.list(a), .list(b)):
            return .list(a.merged(with: b))
        default:
            return self
        }
    }
}

import Foundation

/// The checks of how templates include each other (loops, depth) and every partial a template includes.
extension TemplateLint {
    /// Sections and partials nested deeper than Limits.templateDepth, counted together from each template that no
    /// other includes: one error where a path first goes too deep. Checked before any parser sees the templates,
    /// since each of them recurses once per level; loops of partials are left to `partialLoops`.
    func nestingErrors() -> [Diagnostic] {
        let included = Set(tagsByName.values.flatMap { tags in tags.filter { $0.kind == .partial }.map(\.name) })
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        // Each template is walked once per depth it is entered at (at most the limit), never around a loop.
        var walked: Set<String> = []
        var path: Set<String> = []
        func walk(_ name: String, from start: Int) {
            guard let tags = tagsByName[name], !path.contains(name), walked.insert("\(start) \(name)").inserted
            else { return }
            path.insert(name)
            defer { path.remove(name) }
            var level = start
            for tag in tags {
                switch tag.kind {
                case .section, .invertedSection, .partial:
                    guard level < Limits.templateDepth else {
                        let location = tag.location
                        if reported.insert("\(location.path):\(location.line):\(location.column)").inserted {
                            diagnostics.append(.error(
                                "các khối {{#…}} và mẫu con {{> …}} lồng nhau quá \(Limits.templateDepth) tầng ở đây; "
                                    + "hãy lồng ít hơn",
                                en: "sections and partials are nested more than \(Limits.templateDepth) deep here; "
                                    + "nest them less", at: location))
                        }
                        return
                    }
                    if tag.kind == .partial {
                        walk(tag.name, from: level + 1)
                    } else {
                        level += 1
                    }
                case .close:
                    level = max(level - 1, start)
                default:
                    break
                }
            }
        }
        for name in tagsByName.keys.sorted() where !included.contains(name) { walk(name, from: 0) }
        return diagnostics
    }

    /// Partials that include themselves, directly or through others: Mustache would fill them forever (our views
    /// hold no tree that could end the recursion, since a name a view lacks is looked up in the page around it).
    /// One error at each include that closes a loop.
    func partialLoops() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var done: Set<String> = []
        var path: [String] = []
        func visit(_ name: String) {
            guard let tags = tagsByName[name], !done.contains(name) else { return }
            path.append(name)
            for tag in tags where tag.kind == .partial && tagsByName[tag.name] != nil {
                if let start = path.firstIndex(of: tag.name) {
                    let loop = (path[start...] + [tag.name]).joined(separator: " → ")
                    diagnostics.append(.error(
                        "mẫu '\(tag.name)' tự chèn lại chính nó (\(loop)), nên trang không bao giờ dựng xong; hãy bỏ "
                            + "lần chèn này",
                        en: "'\(tag.name)' includes itself (\(loop)), so the page would never end; remove this include",
                        at: tag.location))
                } else {
                    visit(tag.name)
                }
            }
            path.removeLast()
            done.insert(name)
        }
        for name in tagsByName.keys.sorted() { visit(name) }
        return diagnostics
    }

    /// Includes of a template the theme does not have: Mustache would fill them with nothing, so a misspelt
    /// `{{> partials/footr}}` would silently drop the footer from every page. One error at each such include.
    func missingPartials() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for name in tagsByName.keys.sorted() {
            for tag in tagsByName[name] ?? [] where tag.kind == .partial && tagsByName[tag.name] == nil {
                diagnostics.append(.error(
                    Message(vi: "mẫu con '\(tag.name)' không có trong thư mục mẫu trang (tên viết không có đuôi "
                                + ".mustache, tính từ thư mục mẫu trang, ví dụ partials/footer)",
                            en: "there is no template '\(tag.name)' to include (names are written without .mustache, "
                                + "from the templates folder, e.g. partials/footer)")
                        + Suggestion.didYouMean(tag.name, in: tagsByName.keys),
                    at: tag.location))
            }
        }
        return diagnostics
    }

    /// The partials a template includes, directly or through other partials.
    func partialClosure(of name: String) -> [String] {
        var seen: Set<String> = [name]
        var pending = [name]
        while let next = pending.popLast() {
            guard let tags = tagsByName[next] else { continue }
            for tag in tags where tag.kind == .partial && !seen.contains(tag.name) {
                seen.insert(tag.name)
                pending.append(tag.name)
            }
        }
        return seen.sorted()
    }
}

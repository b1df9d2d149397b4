import Yams

/// Reads `Content/tasks.yaml`: a list of tasks, each a mapping of the keys below.
enum TaskFile {
    static let keys = ["id", "title", "section", "lead", "partners", "deadline", "status", "progress", "updated", "en"]
    /// What `en:` in a task may give: its English title, lead agency, partners and progress.
    static let englishShape = Translation.Shape(texts: ["title", "lead", "progress"], lists: ["partners"])
    static let what = Message(vi: "một nhiệm vụ", en: "a task")

    static func load(_ file: SourceFile, sections: [String], log: inout DiagnosticLog) -> [PlanTask] {
        let reader = YAMLReader(path: file.path)
        do {
            guard let node = try reader.parse(file.text) else { return [] }
            guard let list = node.sequence else {
                log.error("tasks.yaml phải là một danh sách, mỗi nhiệm vụ bắt đầu bằng '- id: …'",
                          en: "tasks.yaml must be a list, each task starting with '- id: …'", at: reader.location(of: node))
                return []
            }
            var tasks: [PlanTask] = []
            var seen: [String: Int] = [:]
            for item in list {
                guard let task = task(item, reader: reader, sections: sections, log: &log) else { continue }
                if let line = seen[task.id.lowercased()] {
                    log.error("mã nhiệm vụ '\(task.id)' đã dùng ở dòng \(line)",
                              en: "task id '\(task.id)' is already used on line \(line)", at: task.location)
                    continue
                }
                seen[task.id.lowercased()] = task.location.line
                tasks.append(task)
            }
            return tasks
        } catch {
            log.append(contentsOf: error.diagnostics)
            return []
        }
    }

    private static func task(_ node: Node, reader: YAMLReader, sections: [String],
                             log: inout DiagnosticLog) -> PlanTask? {
        do {
            let object = try YAMLObject(node, reader: reader, what: what)
            object.checkUnknownKeys(allowed: keys, what: what, log: &log)
            let before = log.errors.count
            let id = object.identifier("id", what: what, example: "NV-01", log: &log)
            let title = object.requiredString("title", what: what, log: &log)
            let section = object.optionalString("section", log: &log)
            if let section, !sections.contains(section) {
                log.error(Message(vi: "'section' ghi '\(section)', nhưng sections/ không có tệp này",
                                  en: "'section' names '\(section)', which is not a file in sections/")
                    + Suggestion.didYouMean(section, in: sections), at: object.location(of: "section"))
            }
            let lead = object.requiredString("lead", what: what, log: &log)
            let deadline = object.required("deadline", what: what, log: &log).flatMap {
                self.deadline($0, object: object, log: &log)
            }
            var status: PlanTask.Status?
            if let text = object.requiredString("status", what: what, log: &log) {
                status = PlanTask.Status(rawValue: text)
                if status == nil {
                    let allowed = PlanTask.Status.allCases.map(\.rawValue)
                    log.error(Message(vi: "'status' phải là một trong: \(allowed.joined(separator: ", "))",
                                      en: "'status' must be one of \(allowed.joined(separator: ", "))")
                        + Suggestion.didYouMean(text, in: allowed), at: object.location(of: "status"))
                }
            }
            let updated = object.optionalString("updated", log: &log)
            if let updated, VietnameseDate.display(updated) == nil {
                log.error("'updated' phải là ngày viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-12-31",
                          en: "'updated' must be a date written YYYY-MM-DD, e.g. 2024-12-31", at: object.location(of: "updated"))
            }
            let partners = object.stringList("partners", log: &log)
            let progress = object.optionalString("progress", log: &log)
            let english = Translation.loadTitled(from: object, shape: englishShape, log: &log)
            guard log.errors.count == before, let id, let title, let lead, let deadline, let status else { return nil }
            return PlanTask(id: id, title: title, section: section, lead: lead, partners: partners, deadline: deadline,
                            status: status, progress: progress, updated: updated, location: object.location,
                            english: english)
        } catch {
            log.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// `2025`, `2025-06-30` or `hang-nam`.
    private static func deadline(_ node: Node, object: YAMLObject, log: inout DiagnosticLog) -> PlanTask.Deadline? {
        let text = node.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
        if text == "hang-nam" { return .yearly }
        if let year = Int(text), text.allSatisfy(\.isASCIIDigit), Limits.years.contains(year) { return .year(year) }
        if VietnameseDate.display(text) != nil, let year = Int(text.prefix(4)), Limits.years.contains(year) {
            return .date(text)
        }
        log.error("'deadline' phải là một năm (2025), một ngày (2025-06-30) hoặc 'hang-nam'",
                  en: "'deadline' must be a year (2025), a date (2025-06-30) or 'hang-nam' (yearly)",
                  at: object.location(of: "deadline"))
        return nil
    }
}

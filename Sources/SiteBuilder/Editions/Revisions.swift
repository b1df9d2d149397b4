import Yams

/// `Content/revisions.yaml`: why a past figure was corrected. Each entry names the indicator, the year of the
/// corrected figure, the date of the correction and the reason, shown beside the correction.
struct RevisionNote: Sendable, Hashable {
    var indicator: String
    var year: Int
    /// `YYYY-MM-DD`.
    var date: String
    var reason: String
    var location: SourceLocation

    static let keys = ["indicator", "year", "date", "reason"]
    static let what = Message(vi: "một ghi chú điều chỉnh", en: "a revision note")

    static func load(_ file: SourceFile, log: inout DiagnosticLog) -> [RevisionNote] {
        let reader = YAMLReader(path: file.path)
        do {
            guard let node = try reader.parse(file.text) else { return [] }
            guard let list = node.sequence else {
                log.error("revisions.yaml phải là một danh sách, mỗi mục bắt đầu bằng '- indicator: …'",
                          en: "revisions.yaml must be a list, each entry starting with '- indicator: …'",
                          at: reader.location(of: node))
                return []
            }
            return list.compactMap { item in note(item, reader: reader, log: &log) }
        } catch {
            log.append(contentsOf: error.diagnostics)
            return []
        }
    }

    private static func note(_ node: Node, reader: YAMLReader, log: inout DiagnosticLog) -> RevisionNote? {
        do {
            let object = try YAMLObject(node, reader: reader, what: what)
            object.checkUnknownKeys(allowed: keys, what: what, log: &log)
            let before = log.errors.count
            let indicator = object.requiredString("indicator", what: what, log: &log)
            let year = object.required("year", what: what, log: &log).flatMap { object.year($0, key: "year", log: &log) }
            let date = object.requiredString("date", what: what, log: &log)
            if let date, VietnameseDate.display(date) == nil {
                log.error("'date' phải là ngày viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-03-31",
                          en: "'date' must be a date written YYYY-MM-DD, e.g. 2025-03-31", at: object.location(of: "date"))
            }
            let reason = object.requiredString("reason", what: what, log: &log)
            guard log.errors.count == before, let indicator, let year, let date, let reason else { return nil }
            return RevisionNote(indicator: indicator, year: year, date: date, reason: reason, location: object.location)
        } catch {
            log.append(contentsOf: error.diagnostics)
            return nil
        }
    }
}

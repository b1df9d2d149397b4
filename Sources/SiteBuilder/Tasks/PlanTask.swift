/// One task of the plan (`Content/tasks.yaml`): who leads it, by when, and how far it has come.
public struct PlanTask: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case notStarted = "chua-bat-dau"
        case inProgress = "dang-thuc-hien"
        case done = "hoan-thanh"
        case behind = "cham-tien-do"
    }

    public enum Deadline: Sendable, Hashable {
        case year(Int)
        /// `YYYY-MM-DD`.
        case date(String)
        /// Every year (`hang-nam`): never passes.
        case yearly

        /// The year by whose end the task is due; nil for a yearly task.
        var year: Int? {
            switch self {
            case .year(let year): year
            case .date(let date): Int(date.prefix(4))
            case .yearly: nil
            }
        }
    }

    public var id: String
    public var title: String
    /// The section file (`04-noi-dung-thuc-hien.md`) the task belongs to.
    public var section: String?
    public var lead: String
    public var partners: [String]
    public var deadline: Deadline
    public var status: Status
    /// Markdown, rendered in safe mode.
    public var progress: String?
    /// `YYYY-MM-DD`.
    public var updated: String?
    public var location: SourceLocation
    /// The English text (`en:`), if any.
    public var english: Translation? = nil

    /// The report is as of the end of `reportingYear`: a task due by then and not done is overdue.
    public func isOverdue(reportingYear: Int) -> Bool {
        guard status != .done, let year = deadline.year else { return false }
        return year <= reportingYear
    }
}

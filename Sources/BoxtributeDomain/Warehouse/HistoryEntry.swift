/// One line of a box's history as shown to users.
public struct HistoryEntry: Sendable, Hashable {
    public var id: String
    public var changes: String
    public var changeDate: Timestamp?
    public var userId: Int?
    public init(id: String, changes: String, changeDate: Timestamp?, userId: Int?) {
        self.id = id
        self.changes = changes
        self.changeDate = changeDate
        self.userId = userId
    }
}

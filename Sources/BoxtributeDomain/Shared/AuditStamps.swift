/// Creation and modification stamps shared by many tables.
public struct AuditStamps: Sendable, Hashable {
    public var createdOn: Timestamp?
    public var createdBy: Int?
    public var lastModifiedOn: Timestamp?
    public var lastModifiedBy: Int?
    public init(createdOn: Timestamp?, createdBy: Int?, lastModifiedOn: Timestamp?, lastModifiedBy: Int?) {
        self.createdOn = createdOn
        self.createdBy = createdBy
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
    }
}

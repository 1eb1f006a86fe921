/// A user account (`cms_users`).
public struct User: Sendable, Hashable {
    public var id: Int
    public var name: String?
    public var email: String?
    public var validFirstDay: Timestamp?
    public var validLastDay: Timestamp?
    public var lastLogin: Timestamp?
    public var lastAction: Timestamp?
    public init(
        id: Int, name: String?, email: String?, validFirstDay: Timestamp?, validLastDay: Timestamp?,
        lastLogin: Timestamp?, lastAction: Timestamp?
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.validFirstDay = validFirstDay
        self.validLastDay = validLastDay
        self.lastLogin = lastLogin
        self.lastAction = lastAction
    }
}

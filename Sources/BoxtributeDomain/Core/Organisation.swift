/// An organisation (`organisations`).
public struct Organisation: Sendable, Hashable {
    public var id: Int
    public var name: String
    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}

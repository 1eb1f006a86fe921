/// A base, i.e. a warehouse site of an organisation (`camps`).
public struct Base: Sendable, Hashable {
    public var id: ID
    public var name: String?
    public var organisationId: Int
    public var deletedOn: Timestamp?
    public var freeshopCurrencyName: String?
    public var monetaryCurrencyCode: String
    public init(
        id: ID, name: String?, organisationId: Int, deletedOn: Timestamp?, freeshopCurrencyName: String?,
        monetaryCurrencyCode: String
    ) {
        self.id = id
        self.name = name
        self.organisationId = organisationId
        self.deletedOn = deletedOn
        self.freeshopCurrencyName = freeshopCurrencyName
        self.monetaryCurrencyCode = monetaryCurrencyCode
    }
}

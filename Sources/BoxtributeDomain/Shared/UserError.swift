/// A user error the API returns as data: a member of a mutation's result union
/// (the reference's `errors.py`). Authorization failures are ``Forbidden``; everything else here.
public enum UserError: Error, Equatable, Sendable {
    /// `id` is the requested id or label; `nil` when the lookup was implicit.
    case resourceDoesNotExist(id: String?, name: String)
    case invalidPrice(Int)
    case emptyName
    case boxesStillAssignedToProduct(labelIdentifiers: [String])
    case standardProductAlreadyEnabledForBase(existingInstantiationId: Product.ID)
    case outdatedStandardProductVersion(mostRecentStandardProductId: Int)
    case productTypeMismatch(expected: ProductType)
    case tagTypeMismatch(expected: TagType)
    case tagBaseMismatch
    case productLocationBaseMismatch
    case deletedLocation(name: String)
    case deletedTag(name: String)
    case deletedBase(name: String)
    case deletedBox(labelIdentifier: String)
    case invalidBoxState(BoxState)
    case invalidNumberOfItems(Int)
    case invalidColor(String)
    case invalidBase(ids: [Base.ID])
    /// A date in the past where a future one is needed (a share link's expiry).
    case invalidDate(Timestamp)

    /// A missing row looked up by its numeric id.
    public static func missing(_ name: String, id: Int?) -> UserError {
        .resourceDoesNotExist(id: id.map(String.init), name: name)
    }

    /// A missing row looked up by its typed id.
    public static func missing<Entity>(_ name: String, id: Tagged<Entity, Int>?) -> UserError {
        missing(name, id: id?.rawValue)
    }
}

/// A share link to a base's statistics (`shareable_link`).
public struct ShareableLink: Sendable, Hashable {
    public var id: Int
    /// 64 lower-case hex digits.
    public var code: String
    public var baseId: Base.ID?
    /// The front-end's URL query, stored as given.
    public var urlParameters: String?
    public var view: ShareableView
    /// nil: the link never expires.
    public var validUntil: Timestamp?
    public var createdOn: Timestamp
    public var createdBy: Int?

    public init(
        id: Int, code: String, baseId: Base.ID?, urlParameters: String?, view: ShareableView, validUntil: Timestamp?,
        createdOn: Timestamp, createdBy: Int?
    ) {
        self.id = id
        self.code = code
        self.baseId = baseId
        self.urlParameters = urlParameters
        self.view = view
        self.validUntil = validUntil
        self.createdOn = createdOn
        self.createdBy = createdBy
    }
}

/// What `createShareableLink` asks for.
public struct ShareableLinkInput: Sendable, Hashable {
    public var baseId: Base.ID
    public var view: ShareableView
    public var validUntil: Timestamp?
    public var urlParameters: String?
    public init(baseId: Base.ID, view: ShareableView, validUntil: Timestamp?, urlParameters: String?) {
        self.baseId = baseId
        self.view = view
        self.validUntil = validUntil
        self.urlParameters = urlParameters
    }
}

/// A link with the names the public page shows; a name is nil when its row is gone.
public struct ResolvedShareableLink: Sendable, Hashable {
    public var link: ShareableLink
    public var baseName: String?
    public var organisationName: String?
    public init(link: ShareableLink, baseName: String?, organisationName: String?) {
        self.link = link
        self.baseName = baseName
        self.organisationName = organisationName
    }
}

/// What a share link's code leads to.
public enum LinkResolution: Sendable {
    case resolved(ResolvedShareableLink)
    case expired(validUntil: Timestamp)
    case unknown(code: String)
}

/// A QR code label (`qr`).
public struct QrCode: Sendable, Hashable {
    public var id: Int
    public var code: String
    public var createdOn: Timestamp?
    public init(id: Int, code: String, createdOn: Timestamp?) {
        self.id = id
        self.code = code
        self.createdOn = createdOn
    }
}

extension QrCode {
    /// The code of the QR code with id `id`: the lowercase hex MD5 of the decimal id, as the
    /// reference writes it.
    public static func code(forId id: Int) -> String { MD5.hex(String(id)) }
}

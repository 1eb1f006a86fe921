/// Reading QR codes (`qr`).
public enum QrCodeService {
    /// The QR code with `code`: `qr:read`, then ``UserError/resourceDoesNotExist(id:name:)``
    /// when there is none.
    public static func qrCode(code: String, in scope: some ServiceScope) async throws -> QrCode {
        try scope.user.authorize("qr:read")
        return try await scope.data.warehouse.qrCode(code: code)
            .orThrow(UserError.resourceDoesNotExist(id: nil, name: "QrCode"))
    }

    /// Whether a QR code with `code` exists (`false` without a code): `qr:read`.
    public static func qrExists(code: String?, in scope: some ServiceScope) async throws -> Bool {
        try scope.user.authorize("qr:read")
        guard let code else { return false }
        return try await scope.data.warehouse.qrCode(code: code) != nil
    }
}

import Testing

@testable import BoxtributeDomain

@Suite("QR code values")
struct QrCodeValueTests {
    @Test("MD5 gives the RFC 1321 test vectors") func md5KnownVectors() {
        #expect(MD5.hex("") == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(MD5.hex("abc") == "900150983cd24fb0d6963f7d28e17f72")
        #expect(MD5.hex("6") == "1679091c5a880faf6fb5e6087eb1b2dc")
        #expect(MD5.hex("The quick brown fox jumps over the lazy dog") == "9e107d9d372bb6826bd81d3542a419d6")
        #expect(
            MD5.hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890")
                == "57edf4a22be3c955ac49da2e2107b67a")
    }

    @Test("a QR code's value is the hex MD5 of its decimal id")
    func codeForId() {
        #expect(QrCode.code(forId: 6) == "1679091c5a880faf6fb5e6087eb1b2dc")
    }
}

import Foundation

/// PEM text as environment variables deliver it, made parseable.
///
/// Boxtribute's `.env` files carry `AUTH0_PUBLIC_KEY` on one line
/// (`-----BEGIN PUBLIC KEY-----MIIB...-----END PUBLIC KEY-----`), which the reference's
/// library accepts and swift-crypto's PEM parser does not.
enum PEMText {
    static func normalized(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("-----BEGIN "),
            let headerEnd = trimmed.range(
                of: "-----", range: trimmed.index(trimmed.startIndex, offsetBy: 5)..<trimmed.endIndex),
            let footerStart = trimmed.range(of: "-----END ", range: headerEnd.upperBound..<trimmed.endIndex)
        else { return text }
        let body = Array(trimmed[headerEnd.upperBound..<footerStart.lowerBound].filter { !$0.isWhitespace })
        var lines = [String(trimmed[..<headerEnd.upperBound])]
        for start in stride(from: 0, to: body.count, by: 64) {
            lines.append(String(body[start..<min(start + 64, body.count)]))
        }
        lines.append(String(trimmed[footerStart.lowerBound...]))
        return lines.joined(separator: "\n") + "\n"
    }
}

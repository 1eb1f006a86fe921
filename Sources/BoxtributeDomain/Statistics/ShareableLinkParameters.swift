extension StockTagFilter {
    /// The tag filters of a stock-overview link's URL query, read as Python's `parse_qs` reads
    /// it (the reference's `statistics/crud.py`): `tags=1,3` includes, `notags=2` excludes.
    ///
    /// One leading `?` is dropped; the query splits on `&`, each part at its first `=` (a part
    /// without `=` is ignored); `+` is a space and percent escapes are decoded in keys and
    /// values; empty values are ignored; the first `tags` and the first `notags` count. Each
    /// value is a comma-separated list of ids. Unlike the reference, which fails on them, pieces
    /// that are not integers are skipped. An empty list is an inactive filter.
    public init(urlParameters: String?) {
        var include: [Tag.ID]?
        var exclude: [Tag.ID]?
        var query = Substring(urlParameters ?? "")
        if query.first == "?" { query = query.dropFirst() }
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let key = Self.decoded(part[..<equals])
            let value = Self.decoded(part[part.index(after: equals)...])
            guard !value.isEmpty else { continue }
            switch key {
            case "tags" where include == nil: include = Self.ids(value)
            case "notags" where exclude == nil: exclude = Self.ids(value)
            default: continue
            }
        }
        self.init(include: include ?? [], exclude: exclude ?? [])
    }

    /// The integers of a comma-separated list; other pieces are skipped.
    private static func ids(_ list: String) -> [Tag.ID] {
        list.split(separator: ",", omittingEmptySubsequences: true).compactMap { piece in
            Int(piece.trimmingWhitespace()).map(Tag.ID.init(rawValue:))
        }
    }

    /// `+` as a space, then `%XX` escapes as UTF-8 bytes; a `%` without two hex digits stays
    /// as it is and invalid UTF-8 becomes U+FFFD, as Python's `unquote_plus` does.
    private static func decoded(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
                continue
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces, tabs and line breaks (Python's `str.strip`).
    fileprivate func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}

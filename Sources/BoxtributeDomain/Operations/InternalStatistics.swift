import Foundation

/// The internal statistics posted to Slack (the reference's `cron/internal_stats.py` and
/// `cron/formatting.py`): counts per organisation and base over windows of 30, 90 and 365
/// days, each with its trend against the window of equal length before it.
public enum InternalStatistics {
    /// One count of one base. Organisation and base are `nil` for people who are gone.
    public struct BaseCount: Sendable, Hashable {
        public var organisationId: Int?
        public var organisationName: String?
        public var baseId: Int?
        public var baseName: String?
        public var number: Int

        public init(organisationId: Int?, organisationName: String?, baseId: Int?, baseName: String?, number: Int) {
            self.organisationId = organisationId
            self.organisationName = organisationName
            self.baseId = baseId
            self.baseName = baseName
            self.number = number
        }

        var key: BaseKey { BaseKey(organisationId: organisationId, baseId: baseId) }
    }

    /// Which base a count belongs to.
    public struct BaseKey: Sendable, Hashable {
        public var organisationId: Int?
        public var baseId: Int?
    }

    /// One titled table as posted to Slack: `{"title": ..., "data": ...}`.
    public struct Message: Sendable, Equatable {
        public var title: String
        public var data: String

        public init(title: String, data: String) {
            self.title = title
            self.data = data
        }
    }

    /// The titles in posting order.
    public enum Title {
        public static let allTimeBoxes = "All time created boxes/items"
        public static let allTimeBeneficiaries = "All time registered beneficiaries"
        public static let createdBoxes = "Newly created boxes"
        public static let registeredBeneficiaries = "Newly registered beneficiaries"
        public static let reachedBeneficiaries = "Reached beneficiaries"
        public static let activeUsers = "Unique active users"
    }

    /// The windows of the trend tables, in days.
    public static let windows = [30, 90, 365]
    /// The column names of the trend tables.
    public static let windowColumns = ["30 days", "90 days", "365 days"]
    /// About when Boxtribute's first data was created: the start of the all-time tables.
    public static let allTimeStart = "2015-01-01 00:00:00"

    /// The sum of the counts.
    public static func total(_ counts: [BaseCount]) -> Int { counts.reduce(0) { $0 + $1.number } }

    /// `(current − previous) / previous × 100`; `nil` ("n/a") when `previous` is 0.
    public static func trend(current: Int, previous: Int) -> Double? {
        previous == 0 ? nil : Double(current - previous) / Double(previous) * 100
    }

    /// Each base's trend: its current count against its count in `previous` (0 when absent).
    public static func baseTrends(current: [BaseCount], previous: [BaseCount]) -> [BaseKey: Double] {
        var before: [BaseKey: Int] = [:]
        for row in previous { before[row.key] = row.number }
        var trends: [BaseKey: Double] = [:]
        for row in current {
            if let trend = trend(current: row.number, previous: before[row.key] ?? 0) { trends[row.key] = trend }
        }
        return trends
    }

    /// One column of a table: the counts, the total's trend and the bases' trends.
    public struct Column: Sendable {
        public var counts: [BaseCount]
        public var totalTrend: Double?
        public var baseTrends: [BaseKey: Double]

        public init(counts: [BaseCount], totalTrend: Double? = nil, baseTrends: [BaseKey: Double] = [:]) {
            self.counts = counts
            self.totalTrend = totalTrend
            self.baseTrends = baseTrends
        }

        /// A column of a window's counts against the window before.
        public static func trending(current: [BaseCount], previous: [BaseCount]) -> Column {
            Column(
                counts: current,
                totalTrend: InternalStatistics.trend(
                    current: InternalStatistics.total(current), previous: InternalStatistics.total(previous)),
                baseTrends: InternalStatistics.baseTrends(current: current, previous: previous))
        }
    }

    /// A cell: `"<value> (+x.x%)"`, or `"<value> ( n/a )"` without a trend.
    static func cell(_ value: Int, _ trend: Double?) -> String {
        guard let trend else { return "\(value) ( n/a )" }
        return "\(value) (" + String(format: "%+.1f", trend) + "%)"
    }

    /// The table text: a header `Organisation | Base | <columns>`, a separator, one row per
    /// base (organisations sorted by name, each named on its first base's row only; bases in
    /// the order they first appear), a separator and the `TOTAL` row. Names and the first
    /// two columns are left-aligned, the counts right-aligned.
    public static func table(columnNames: [String], columns: [Column]) -> String {
        struct Organisation {
            var name: String
            var bases: [(key: BaseKey, name: String)] = []
        }
        var organisations: [Organisation] = []
        var organisationIndex: [Int?: Int] = [:]
        var seen: Set<BaseKey> = []
        for column in columns {
            for row in column.counts {
                let index: Int
                if let known = organisationIndex[row.organisationId] {
                    index = known
                } else {
                    index = organisations.count
                    organisationIndex[row.organisationId] = index
                    organisations.append(Organisation(name: row.organisationName ?? "n/a"))
                }
                if seen.insert(row.key).inserted {
                    organisations[index].bases.append((row.key, row.baseName ?? "n/a"))
                }
            }
        }
        // Stable: organisations of equal names keep their order of appearance.
        let sorted = organisations.enumerated().sorted { left, right in
            left.element.name == right.element.name
                ? left.offset < right.offset : left.element.name < right.element.name
        }.map(\.element)

        var numbers: [[BaseKey: Int]] = []
        for column in columns {
            var byKey: [BaseKey: Int] = [:]
            for row in column.counts where byKey[row.key] == nil { byKey[row.key] = row.number }
            numbers.append(byKey)
        }
        var rows: [[String]] = []
        var totals = Array(repeating: 0, count: columns.count)
        for organisation in sorted {
            for (position, base) in organisation.bases.enumerated() {
                var cells = [position == 0 ? organisation.name : "", base.name]
                for (index, column) in columns.enumerated() {
                    let number = numbers[index][base.key] ?? 0
                    totals[index] += number
                    cells.append(cell(number, column.baseTrends[base.key]))
                }
                rows.append(cells)
            }
        }
        let header = ["Organisation", "Base"] + columnNames
        let totalRow = ["TOTAL", ""] + zip(totals, columns).map { cell($0, $1.totalTrend) }
        var widths = header.map(\.count)
        widths[0] = max(widths[0], "TOTAL".count)
        for row in rows + [totalRow] {
            for (index, text) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], text.count)
            }
        }
        func line(_ cells: [String], separator: String = " | ") -> String {
            cells.enumerated().map { index, text in
                let pad = String(repeating: " ", count: max(0, widths[index] - text.count))
                return index < 2 ? text + pad : pad + text
            }.joined(separator: separator)
        }
        let rule = line(widths.map { String(repeating: "-", count: $0) }, separator: "-+-")
        return ([line(header), rule] + rows.map { line($0) } + [rule, line(totalRow)]).joined(separator: "\n")
    }
}

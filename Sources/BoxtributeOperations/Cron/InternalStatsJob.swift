import BoxtributeDatabase
import BoxtributeDomain
import BoxtributeStorage
import Foundation
import Logging

/// `internal-stats`: six tables of counts per organisation and base, posted one by one to
/// the Slack webhook (the reference's `cron/internal_stats.py`).
struct InternalStatsJob {
    typealias Counting =
        @Sendable (Timestamp, Timestamp, Int?, any SQLQuerying) async throws -> [InternalStatistics.BaseCount]

    let database: any Database
    let configuration: OperationsConfiguration
    let logger: Logger
    let now: Date

    /// A user who logged in, by organisation.
    struct ActiveUser: Sendable {
        var lastLogin: String
        var organisationId: Int
    }

    /// Posts the six tables; 500 when no post succeeded.
    func run() async throws -> CronOutcome {
        guard let url = configuration.internalStatsWebhook else {
            logger.error("SLACK_WEBHOOK_URL_FOR_INTERNAL_STATS is not set")
            return CronOutcome(.failed, "posted 0 stats, 0 failure(s)")
        }
        let webhook = SlackWebhook(url: url, http: configuration.http)
        var successes = 0
        var failures: [SlackWebhook.PostResult] = []
        for message in try await messages() {
            let result = await webhook.post(["title": message.title, "data": message.data])
            if result.succeeded { successes += 1 } else { failures.append(result) }
        }
        if !failures.isEmpty {
            logger.error(
                "internal stats: posts failed",
                metadata: ["failures": "\(failures.map { "\($0.code.map(String.init) ?? "-"): \($0.response)" })"])
        }
        let message = "posted \(successes) stats, \(failures.count) failure(s)"
        return CronOutcome(successes == 0 ? .failed : .done, message)
    }

    /// The six messages, in the reference's order.
    func messages() async throws -> [InternalStatistics.Message] {
        typealias Stats = InternalStatistics
        let excluded = configuration.environment == "production" ? 1 : nil
        let end = Timestamp(trustedText: UTCClock.format(now))
        let start = Timestamp(trustedText: Stats.allTimeStart)
        let db: any SQLQuerying = database
        var messages: [Stats.Message] = []

        let boxes = try await InternalStatisticsStore.createdBoxes(
            from: start, to: end, excludingOrganisation: excluded, in: db)
        let items = try await InternalStatisticsStore.itemsInCreatedBoxes(
            from: start, to: end, excludingOrganisation: excluded, in: db)
        messages.append(
            .init(
                title: Stats.Title.allTimeBoxes,
                data: Stats.table(
                    columnNames: ["boxes (all time)", "items (all time)"],
                    columns: [.init(counts: boxes), .init(counts: items)])))
        let registered = try await InternalStatisticsStore.registeredBeneficiaries(
            from: start, to: end, excludingOrganisation: excluded, in: db)
        messages.append(
            .init(
                title: Stats.Title.allTimeBeneficiaries,
                data: Stats.table(columnNames: ["all time"], columns: [.init(counts: registered)])))

        let users = await activeUsers()
        let organisationBases = try await InternalStatisticsStore.organisationBases(
            users.map(\.organisationId), activeSince: end.adding(days: -365), excludingOrganisation: excluded, in: db)
        let activeUserCounting: Counting = { from, to, _, _ in
            var perOrganisation: [Int: Int] = [:]
            for user in users where user.lastLogin >= from.databaseText && user.lastLogin <= to.databaseText {
                perOrganisation[user.organisationId, default: 0] += 1
            }
            return organisationBases.map { row in
                var row = row
                row.number = row.organisationId.flatMap { perOrganisation[$0] } ?? 0
                return row
            }
        }
        let trending: [(String, Counting)] = [
            (Stats.Title.createdBoxes, InternalStatisticsStore.createdBoxes),
            (Stats.Title.registeredBeneficiaries, InternalStatisticsStore.registeredBeneficiaries),
            (Stats.Title.reachedBeneficiaries, InternalStatisticsStore.reachedBeneficiaries),
            (Stats.Title.activeUsers, activeUserCounting),
        ]
        for (title, counting) in trending {
            var columns: [Stats.Column] = []
            for days in Stats.windows {
                let current = try await counting(end.adding(days: -days), end, excluded, db)
                let previousEnd = end.adding(days: -days)
                let previous = try await counting(previousEnd.adding(days: -days), previousEnd, excluded, db)
                columns.append(.trending(current: current, previous: previous))
            }
            messages.append(.init(title: title, data: Stats.table(columnNames: Stats.windowColumns, columns: columns)))
        }
        return messages
    }

    /// Users who logged in within two years, from the Auth0 Management API; none when it is
    /// not configured or fails (the job goes on without them).
    func activeUsers() async -> [ActiveUser] {
        guard let credentials = configuration.auth0Management else {
            logger.warning("Auth0 Management API not configured: no active users counted")
            return []
        }
        let since = UTCClock.format(now.addingTimeInterval(-2 * 365 * 86_400)).prefix(10)
        do {
            let api = try await Auth0ManagementAPI.connect(credentials, http: configuration.http)
            let users = try await api.users(
                query: "last_login:[\(since) TO *]", fields: ["app_metadata", "last_login"])
            return users.compactMap { user in
                guard let login = user.lastLogin.flatMap(Self.databaseTime),
                    let organisation = user.appMetadata?.organisationId.flatMap({ Int($0) }), organisation != 0
                else { return nil }
                return ActiveUser(lastLogin: login, organisationId: organisation)
            }
        } catch {
            logger.warning("querying Auth0 user data failed", metadata: ["error": "\(error)"])
            return []
        }
    }

    /// `2024-05-01T08:00:00.123Z` as `2024-05-01 08:00:00` (UTC).
    static func databaseTime(_ iso: String) -> String? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        guard let date = formatter.date(from: iso) ?? plain.date(from: iso) else { return nil }
        return UTCClock.format(date)
    }
}

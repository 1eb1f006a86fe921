/// Where the data of one request comes from. Storage implements it; the domain's services
/// read and write only through it.
///
/// A session belongs to one request, whose resolvers run one after another: it is not shared
/// between tasks.
public protocol DataSession: AnyObject, Sendable {
    /// The repositories reads go through.
    var repositories: any Repositories { get }
    /// Statements run for this session (tests assert batching with it).
    var statementCount: Int { get }
    /// From now on, reads see one snapshot of the data and the engine starts a read once, not
    /// per statement (query operations; mutations read what they wrote).
    func readFromOneSnapshot()
    /// Ends the snapshot, if any, and gives its connection back.
    func finishReading()
    /// Runs `body` in one transaction: all of its changes or none. Rows it writes are stamped
    /// with `user` and `now`; `environment` gives new labels and colours.
    func transaction<T: Sendable>(
        as user: CurrentUser, now: Timestamp, environment: MutationEnvironment,
        _ body: @Sendable (any TransactionRepositories) async throws -> T
    ) async throws -> T
    /// The value for `key`, computed once per session until the next transaction.
    func memoized<T: Sendable>(_ key: String, _ compute: () async throws -> T) async rethrows -> T
}

/// Opens a data session per request.
public protocol DataSource: Sendable {
    func openSession() -> any DataSession
}

/// The read repositories of every domain.
public protocol Repositories: Sendable {
    var core: any CoreRepository { get }
    var history: any HistoryRepository { get }
    var warehouse: any WarehouseRepository { get }
    var transfers: any TransferRepository { get }
    var beneficiaries: any BeneficiaryRepository { get }
    var distribution: any DistributionRepository { get }
    var statistics: any StatisticsRepository { get }
}

/// The repositories of one transaction: the reads see the transaction's own changes.
public protocol TransactionRepositories: Repositories {
    var historyWrites: any HistoryWriteRepository { get }
    var warehouseWrites: any WarehouseWriteRepository { get }
    var transferWrites: any TransferWriteRepository { get }
    var shareableLinkWrites: any ShareableLinkWriteRepository { get }
    var beneficiaryWrites: any BeneficiaryWriteRepository { get }
    var distributionWrites: any DistributionWriteRepository { get }
}

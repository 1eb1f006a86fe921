import BoxtributeDatabase
import BoxtributeDomain

/// The SQL repositories of every domain, reading through `db` (a request's reader or a
/// transaction's connection). Built once per session, so each access is a stored reference.
// Unchecked only because the class is not final (a transaction's repositories extend it): every
// stored property, here and in the subclass, is a `let` of a `Sendable` type.
class SQLRepositories: Repositories, @unchecked Sendable {
    let core: any CoreRepository
    let history: any HistoryRepository
    let warehouse: any WarehouseRepository
    let transfers: any TransferRepository
    let beneficiaries: any BeneficiaryRepository
    let distribution: any DistributionRepository
    let statistics: any StatisticsRepository

    /// `warehouse` and `transfers` replace the read-only repositories of those domains (a
    /// transaction reads through its write repositories).
    init(
        db: any SQLQuerying, warehouse: (any WarehouseRepository)? = nil, transfers: (any TransferRepository)? = nil
    ) {
        core = SQLCoreRepository(db: db)
        history = SQLHistoryRepository(db: db)
        self.warehouse = warehouse ?? SQLWarehouseRepository(db: db)
        self.transfers = transfers ?? SQLTransferRepository(db: db)
        beneficiaries = SQLBeneficiaryRepository(db: db)
        distribution = SQLDistributionRepository(db: db)
        statistics = SQLStatisticsRepository(db: db)
    }
}

/// The repositories of one transaction: reads and writes on its connection.
final class SQLTransactionRepositories: SQLRepositories, TransactionRepositories, @unchecked Sendable {
    let historyWrites: any HistoryWriteRepository
    let warehouseWrites: any WarehouseWriteRepository
    let transferWrites: any TransferWriteRepository
    let shareableLinkWrites: any ShareableLinkWriteRepository
    let beneficiaryWrites: any BeneficiaryWriteRepository
    let distributionWrites: any DistributionWriteRepository

    init(_ context: SQLWriteContext) {
        let warehouse = SQLWarehouseWriteRepository(context: context)
        let transfers = SQLTransferWriteRepository(context: context)
        warehouseWrites = warehouse
        transferWrites = transfers
        historyWrites = SQLHistoryWriteRepository(context: context)
        shareableLinkWrites = SQLShareableLinkWriteRepository(context: context)
        beneficiaryWrites = SQLBeneficiaryWriteRepository(context: context)
        distributionWrites = SQLDistributionWriteRepository(context: context)
        super.init(db: context.connection, warehouse: warehouse, transfers: transfers)
    }
}

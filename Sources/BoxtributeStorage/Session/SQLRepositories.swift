import BoxtributeDatabase
import BoxtributeDomain

/// The SQL repositories of every domain, reading through `db` (a request's reader or a
/// transaction's connection). Built once per session, so each access is a stored reference.
final class SQLRepositories: Repositories {
    let core: any CoreRepository
    let history: any HistoryRepository
    let warehouse: any WarehouseRepository
    let transfers: any TransferRepository
    let beneficiaries: any BeneficiaryRepository
    let distribution: any DistributionRepository

    init(db: any SQLQuerying) {
        core = SQLCoreRepository(db: db)
        history = SQLHistoryRepository(db: db)
        warehouse = SQLWarehouseRepository(db: db)
        transfers = SQLTransferRepository(db: db)
        beneficiaries = SQLBeneficiaryRepository(db: db)
        distribution = SQLDistributionRepository(db: db)
    }
}

/// The repositories of one transaction: reads and writes on its connection.
final class SQLTransactionRepositories: TransactionRepositories {
    let core: any CoreRepository
    let history: any HistoryRepository
    let warehouse: any WarehouseRepository
    let transfers: any TransferRepository
    let beneficiaries: any BeneficiaryRepository
    let distribution: any DistributionRepository
    let historyWrites: any HistoryWriteRepository
    let warehouseWrites: any WarehouseWriteRepository
    let transferWrites: any TransferWriteRepository

    init(_ context: SQLWriteContext) {
        let db = context.connection
        core = SQLCoreRepository(db: db)
        history = SQLHistoryRepository(db: db)
        beneficiaries = SQLBeneficiaryRepository(db: db)
        distribution = SQLDistributionRepository(db: db)
        let warehouse = SQLWarehouseWriteRepository(context: context)
        self.warehouse = warehouse
        warehouseWrites = warehouse
        let transfers = SQLTransferWriteRepository(context: context)
        self.transfers = transfers
        transferWrites = transfers
        historyWrites = SQLHistoryWriteRepository(context: context)
    }
}

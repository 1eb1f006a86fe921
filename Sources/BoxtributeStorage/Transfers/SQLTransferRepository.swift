import BoxtributeDatabase
import BoxtributeDomain

/// The reads of ``TransferRepository`` in SQL, shared by the read-only repository and the
/// transaction's one.
protocol SQLTransferReads: TransferRepository {
    var db: any SQLQuerying { get }
}

extension SQLTransferReads {
}

/// ``TransferRepository`` in SQL, reading through a request's reader.
struct SQLTransferRepository: SQLTransferReads {
    let db: any SQLQuerying
}

/// ``TransferWriteRepository`` in SQL, on a transaction's connection.
struct SQLTransferWriteRepository: SQLTransferReads, TransferWriteRepository {
    let context: SQLWriteContext
    var db: any SQLQuerying { context.connection }
}

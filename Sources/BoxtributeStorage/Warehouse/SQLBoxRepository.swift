import BoxtributeDatabase
import BoxtributeDomain

// ``BoxRepository`` and ``BoxWriteRepository`` in SQL: locations, boxes (`stock`), QR codes.

extension SQLWarehouseReads {
}

extension SQLWarehouseWriteRepository {
}

import BoxtributeDatabase
import BoxtributeDomain

// ``BoxRepository`` and ``BoxWriteRepository`` in SQL: locations, boxes (`stock`), QR codes.

extension SQLWarehouseReads {
    func boxes(_ ids: [Int]) async throws -> [Int: Box] { try await BoxStore.byIds(ids, in: db) }

    func locations(_ ids: [Int]) async throws -> [Int: Location] { try await LocationStore.byIds(ids, in: db) }
}

extension SQLWarehouseWriteRepository {
    func touchBoxes(_ ids: [Int]) async throws { try await BoxStore.touch(ids, in: context) }
}

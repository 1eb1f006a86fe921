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

// The box writes of shipments (transfers domain).
extension SQLWarehouseWriteRepository {
    func boxesForUpdate(labels: [String]) async throws -> [Box] {
        try await BoxStore.byLabelsForUpdate(labels, in: context)
    }

    func boxesForUpdate(_ ids: [Int]) async throws -> [Int: Box] { try await BoxStore.byIdsForUpdate(ids, in: context) }

    func save(_ box: Box) async throws { try await BoxStore.save(box, in: context) }

    func setState(ofBoxes ids: [Int], to state: BoxState) async throws {
        try await BoxStore.setState(ofBoxes: ids, to: state, in: context)
    }

    func unassignAllTags(fromBoxes ids: [Int]) async throws {
        try await TagStore.unassign(tagIds: nil, from: ids, type: .box, in: context)
    }
}

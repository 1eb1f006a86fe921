import BoxtributeDatabase
import BoxtributeDomain

// PLACEHOLDER: the moved boxes' SQL is being written; this answers nothing.

/// SQL of the moved boxes: donations reconstructed from box history, shipments, losses.
enum MovedBoxesStore {
    static func movedBoxes(
        ofBase baseId: Base.ID, firstHistoryId: Int, in db: any SQLQuerying
    ) async throws
        -> [MovedBoxesFact]
    { [] }
}

import BoxtributeDatabase
import BoxtributeDomain

extension SQLRow {
    /// A comma-separated list of tag ids (`GROUP_CONCAT`); NULL is the empty list.
    func tagIds(_ index: Int) -> [Tag.ID] {
        guard let text = string(index), !text.isEmpty else { return [] }
        return text.split(separator: ",").compactMap { Int($0).map(Tag.ID.init(rawValue:)) }
    }

    /// The `YYYY-MM-DD` day of a date or datetime column; NULL and zero dates are nil.
    func day(_ index: Int) -> String? { timestamp(index)?.datePart }
}

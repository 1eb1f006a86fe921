/// Reads of distribution spots, events, packing lists and return tracking. Look-ups by id take
/// a batch of ids and return the rows found, keyed by id.
public protocol DistributionRepository: Sendable {
}

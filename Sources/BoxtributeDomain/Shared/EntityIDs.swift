// The typed ids are part of the domain's vocabulary: whoever imports the domain uses them.
@_exported import Tagged

// The main entities' ids are typed, so that a base id can't be passed where a location id is
// expected. Each is the row's integer primary key; an integer literal is one (`let id: Base.ID = 1`).

extension Base: Identifiable { public typealias ID = Tagged<Base, Int> }
extension Location: Identifiable { public typealias ID = Tagged<Location, Int> }
extension Box: Identifiable { public typealias ID = Tagged<Box, Int> }
extension Product: Identifiable { public typealias ID = Tagged<Product, Int> }
extension Tag: Identifiable { public typealias ID = Tagged<Tag, Int> }

extension Sequence {
    /// The plain integers of typed ids.
    public func rawValues<Entity>() -> [Int] where Element == Tagged<Entity, Int> { map(\.rawValue) }
}

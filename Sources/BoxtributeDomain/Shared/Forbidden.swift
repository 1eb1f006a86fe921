/// An authorization failure, as the reference's `Forbidden` exception.
public struct Forbidden: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// The user lacks the permission altogether.
        case permission(String)
        /// The user may not access `resource=value` (`value` nil renders as `None`).
        case resource(String, String?)
    }

    public let reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    /// The reference's description text.
    public var description: String {
        switch reason {
        case .permission(let name): "You don't have access to '\(name)'"
        case .resource(let name, let value): "You don't have access to '\(name)=\(value ?? "None")'"
        }
    }
}

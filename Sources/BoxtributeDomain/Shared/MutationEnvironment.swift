/// What mutations take from the outside world: the time and randomness. Tests replace them.
public struct MutationEnvironment: Sendable {
    /// The current UTC time, second precision.
    public var now: @Sendable () -> Timestamp
    /// A candidate box label (eight digits).
    public var newLabel: @Sendable () -> String
    /// A colour for a tag created on the fly.
    public var newColor: @Sendable () -> String

    public init(
        now: @escaping @Sendable () -> Timestamp, newLabel: @escaping @Sendable () -> String,
        newColor: @escaping @Sendable () -> String
    ) {
        self.now = now
        self.newLabel = newLabel
        self.newColor = newColor
    }
}

extension MutationEnvironment {
    /// The system clock and random number generator.
    public static let live = MutationEnvironment(
        now: { Timestamp(trustedText: UTCClock.now()) },
        newLabel: {
            var generator = SystemRandomNumberGenerator()
            return WarehouseRules.randomLabel(using: &generator)
        },
        newColor: {
            var generator = SystemRandomNumberGenerator()
            return WarehouseRules.randomColor(using: &generator)
        })
}

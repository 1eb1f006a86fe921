/// What mutations take from the outside world: the time and randomness. Tests replace them.
public struct MutationEnvironment: Sendable {
    /// The current UTC time, second precision.
    public var now: @Sendable () -> Timestamp
    /// A candidate box label (eight digits).
    public var newLabel: @Sendable () -> String
    /// A colour for a tag created on the fly.
    public var newColor: @Sendable () -> String
    /// The code of a new share link: 64 lower-case hex digits, unguessable.
    public var newLinkCode: @Sendable () -> String

    public init(
        now: @escaping @Sendable () -> Timestamp, newLabel: @escaping @Sendable () -> String,
        newColor: @escaping @Sendable () -> String,
        newLinkCode: @escaping @Sendable () -> String = MutationEnvironment.randomLinkCode
    ) {
        self.now = now
        self.newLabel = newLabel
        self.newColor = newColor
        self.newLinkCode = newLinkCode
    }

    /// 32 bytes of the system's random number generator as 64 lower-case hex digits.
    @Sendable public static func randomLinkCode() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<64).map { _ in digits[Int(generator.next(upperBound: UInt8(16)))] })
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

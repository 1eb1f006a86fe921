import Logging

extension Logger {
    /// A logger for tests that lets warnings and errors through only.
    public static func quiet(_ label: String = "boxtribute.tests") -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = .warning
        return logger
    }
}

import Foundation

/// The reference's data files in `../shared/data`, present in the project's workspace and CI
/// but not in every clone: tests that need them skip when they are missing.
public enum SharedData {
    /// `../shared/data` next to the repository, if present.
    public static var directory: URL? {
        // Tests/Support/SharedData.swift → repository root → ../shared/data
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let directory = root.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: directory.appendingPathComponent("init.sql").path)
            ? directory : nil
    }

    public static var initDump: URL? { directory?.appendingPathComponent("init.sql") }
    public static var minimalDump: URL? { directory?.appendingPathComponent("minimal.sql") }
    public static var frontendOperations: URL? { directory?.appendingPathComponent("frontend-operations.json") }
    public static var isAvailable: Bool { directory != nil }
}

import Foundation

/// The memory of the test process, for suites that bound what a run may take.
public enum ProcessMemory {
    /// Resident memory of this process, in bytes (Linux; 0 elsewhere).
    public static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * 4096
    }
}

/// How one task of a `convert` run ended, as the summary table and the report count it.
enum TaskOutcomeStatus: String, Codable, CaseIterable, Sendable, Comparable {
    case exact, lossy, impossible, failed

    /// Worse outcomes sort later.
    static func < (lhs: TaskOutcomeStatus, rhs: TaskOutcomeStatus) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// The process exit code for a run whose worst outcome is this one: 0 all exact, 1 some
    /// lossy or impossible (a conversion's answer, reported in full), 2 some failed (a file or task
    /// that could not be read, or a loss refused with `--lossy fail`).
    var exitCode: Int32 {
        switch self {
        case .exact: 0
        case .lossy, .impossible: 1
        case .failed: 2
        }
    }
}

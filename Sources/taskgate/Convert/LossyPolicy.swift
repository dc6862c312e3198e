import ArgumentParser
import TaskgateCore

/// What `convert` does with a task that converts with losses (`--lossy`).
enum LossyPolicy: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Write it and report the losses.
    case allow
    /// Leave it out of the output and report it.
    case skip
    /// Leave it out and count it as failed; an impossible task counts as failed too.
    case fail

    /// Whether a task with this status is written, and the status it is reported with.
    func decide(_ status: ConversionStatus) -> (write: Bool, reported: TaskOutcomeStatus) {
        switch (status, self) {
        case (.exact, _): (true, .exact)
        case (.lossy, .allow): (true, .lossy)
        case (.lossy, .skip): (false, .lossy)
        case (.lossy, .fail): (false, .failed)
        case (.impossible, .fail): (false, .failed)
        case (.impossible, .allow), (.impossible, .skip): (false, .impossible)
        }
    }
}

import ArgumentParser
import Foundation
import TaskgateCore

/// `--now INSTANT` (hidden): "now" for reproducible runs of the commands that convert with proof.
struct NowOption: ParsableArguments {
    @Option(
        name: .customLong("now"),
        help: ArgumentHelp("'Now' as RFC 3339, for reproducible runs (default: the clock).", visibility: .hidden))
    var text: String?

    func validate() throws {
        if let text, Instant(parsingRFC3339: text) == nil {
            throw ValidationError("--now: '\(text)' is not an RFC 3339 instant such as 2026-11-23T15:00:00Z")
        }
    }

    /// The instant given, or the clock's current second.
    var instant: Instant {
        text.flatMap { Instant(parsingRFC3339: $0) }
            ?? Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}

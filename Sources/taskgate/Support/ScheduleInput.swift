import ArgumentParser
import Foundation
import TaskgateCore

/// The options every `schedule` subcommand shares: how to read the expression.
struct ScheduleInput: ParsableArguments {
    @Option(help: "The schedule language: \(Dialect.allCases.map(\.rawValue).joined(separator: ", ")).")
    var dialect: Dialect

    @Option(help: "The zone local times are read in: an IANA name or a Windows zone id.")
    var zone: String = "UTC"

    @Option(help: "The window's start as a local time in the zone (YYYY-MM-DDTHH:MM:SS); RRULE's DTSTART.")
    var start: String?

    @OptionGroup var mappings: MappingsOption

    /// The zone names this command accepts, from the mapping files (read once per command).
    func zoneLookup() throws -> ZoneLookup {
        try mappings.zoneLookup()
    }

    /// Splits the expression arguments into lines: each argument is a line, and ` | ` separates
    /// further lines inside one (a Wyn pattern list, a Qlik RRULE list).
    static func lines(of texts: [String]) -> [String] {
        texts.flatMap { $0.components(separatedBy: " | ") }
    }

    /// The context the dialect parser needs, built from the options.
    func context(reference: Instant, zones: ZoneLookup) throws -> DialectContext {
        try Self.context(zone: zone, start: start, reference: reference, zones: zones)
    }

    /// The context, with the zone names of the mapping files.
    func context(reference: Instant) throws -> DialectContext {
        try context(reference: reference, zones: zoneLookup())
    }

    /// A context from the text of a zone (an IANA name, a tzdb alias or a Windows zone id,
    /// resolved to its IANA zone) and an optional local start.
    static func context(
        zone name: String, start: String?, reference: Instant, zones: ZoneLookup
    ) throws
        -> DialectContext
    {
        let zone: String
        do {
            zone = try zones.resolve(name)
        } catch {
            throw ValidationError(error.description)
        }
        var local: LocalDateTime?
        if let start, start != "-" {
            guard let parsed = LocalDateTime(parsing: start) else {
                throw ValidationError("start '\(start)' is not a local date-time; expected YYYY-MM-DDTHH:MM:SS")
            }
            local = parsed
        }
        return DialectContext(zone: zone, start: local, reference: reference)
    }
}

extension Instant {
    /// The current instant, from the system clock (only the executable reads the clock).
    static var now: Instant {
        Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}

import ArgumentParser
import TaskgateCore

/// `taskgate schedule convert`: a schedule in another dialect, with the proof.
struct ScheduleConvert: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a schedule into another dialect and prove the result by enumeration.",
        discussion: """
            Prints the target lines and the verdict: exact (the target fires at the same instants over the \
            verification horizon), lossy (with the first differing instants and why), or impossible (with the \
            reason). With --batch, reads TAB-separated lines TEXT, ZONE, START (or -) from standard input and \
            writes one JSON object a line, in order. Several source lines are joined by ' | '.
            """
    )

    @Option(help: "The dialect of the source text.")
    var from: Dialect

    @Option(help: "The dialect to write.")
    var to: Dialect

    @Option(help: "The zone local times are read in: an IANA name or a Windows zone id.")
    var zone: String = "UTC"

    @OptionGroup var mappings: MappingsOption

    @Option(help: "The window's start as a local time in the zone (YYYY-MM-DDTHH:MM:SS).")
    var start: String?

    @Option(help: "How far to enumerate both sides: Ny, Nw, Nd or Nh (at least 1,000 source instants).")
    var horizon: String = "2y"

    @Option(
        name: .customLong("for"),
        help: "Apply a product's limits to the target (Qlik sharing tasks: at most 5 RRULEs, no UNTIL).")
    var product: Product?

    @Flag(help: "Read TAB-separated lines from standard input and write JSON lines.")
    var batch = false

    @Flag(help: "Print JSON.")
    var json = false

    @Argument(help: "The schedule text; several lines may be given as arguments or joined by ' | '.")
    var text: [String] = []

    func validate() throws {
        if batch, !text.isEmpty { throw ValidationError("--batch reads standard input; give no schedule text as well") }
        if !batch, text.isEmpty {
            throw ValidationError("give the schedule text, or --batch to read lines from standard input")
        }
        guard VerificationHorizon(parsing: horizon) != nil else {
            throw ValidationError(
                "--horizon '\(horizon)' is not a span; expected a number and y, w, d or h, such as 2y or 400y")
        }
    }

    func run() async throws {
        guard let horizon = VerificationHorizon(parsing: horizon) else { return }
        let converter = ScheduleConverter(horizon: horizon)
        var profile = product.map(TargetProfile.product) ?? .dialect(to)
        profile.dialect = to
        let now = Instant.now
        let zones = try mappings.zoneLookup()
        if batch {
            while let line = readLine(strippingNewline: true) {
                print(
                    try JSONOutput.line(
                        batchAnswer(line, converter: converter, profile: profile, now: now, zones: zones)))
            }
            return
        }
        let context = try ScheduleInput.context(zone: zone, start: start, reference: now, zones: zones)
        let source: Schedule
        do {
            source = try from.parse(ScheduleInput.lines(of: text), context: context)
        } catch {
            throw CommandFailure(error.description + "\n" + error.caretDiagram)
        }
        let conversion = converter.convert(source, to: profile, now: now)
        if json {
            try JSONOutput.print(ConversionRecord(conversion, zone: context.zone, start: start))
        } else {
            print(ConversionText.render(conversion, target: to))
        }
        switch conversion.status {
        case .exact: break
        case .lossy: throw ExitCode(1)
        case .impossible: throw ExitCode(2)
        }
    }

    private func batchAnswer(
        _ line: String, converter: ScheduleConverter, profile: TargetProfile, now: Instant, zones: ZoneLookup
    ) -> ConversionRecord {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 3 else {
            return ConversionRecord(
                failure: "expected 3 TAB-separated fields (TEXT, ZONE, START), found \(fields.count)", zone: nil,
                start: nil)
        }
        do {
            let context = try ScheduleInput.context(zone: fields[1], start: fields[2], reference: now, zones: zones)
            let source = try from.parse(ScheduleInput.lines(of: [fields[0]]), context: context)
            return ConversionRecord(
                converter.convert(source, to: profile, now: now), zone: context.zone,
                start: fields[2] == "-" ? nil : fields[2])
        } catch let error as ValidationError {
            return ConversionRecord(failure: error.message, zone: fields[1], start: fields[2])
        } catch {
            return ConversionRecord(failure: String(describing: error), zone: fields[1], start: fields[2])
        }
    }
}

/// The JSON form of one conversion:
/// `{"status":…,"target":[…],"zone":…,"start":…,"differences":[…],"reason":…}`.
struct ConversionRecord: Encodable {
    struct Difference: Encodable {
        var source: String?
        var target: String?
        var reason: String
        var note: String
    }

    var status: String
    var target: [String]
    var zone: String?
    var start: String?
    var end: String?
    var differences: [Difference]
    var differenceCount: Int
    var reason: String?
    var notes: [String]
    var compared: [String]?

    init(_ conversion: ScheduleConversion, zone: String, start: String?) {
        status = conversion.status.rawValue
        target = conversion.target?.lines ?? []
        self.zone = conversion.target?.context.zone ?? zone
        self.start = conversion.target?.context.start?.description ?? start
        end = conversion.target?.context.end?.description
        differences = (conversion.report?.differences ?? []).map {
            Difference(
                source: $0.source?.description, target: $0.target?.description, reason: $0.reason.rawValue,
                note: $0.note)
        }
        differenceCount = conversion.report?.differenceCount ?? 0
        reason = conversion.reason
        notes = conversion.notes
        compared = conversion.report.map { [$0.from.description, $0.through.description] }
    }

    init(failure: String, zone: String?, start: String?) {
        status = ConversionStatus.impossible.rawValue
        target = []
        self.zone = zone
        self.start = start
        differences = []
        differenceCount = 0
        reason = failure
        notes = []
    }

    enum CodingKeys: String, CodingKey {
        case status, target, zone, start, end, differences, differenceCount, reason, notes, compared
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(target, forKey: .target)
        try container.encode(zone, forKey: .zone)
        try container.encode(start, forKey: .start)
        try container.encodeIfPresent(end, forKey: .end)
        try container.encode(differences, forKey: .differences)
        try container.encode(differenceCount, forKey: .differenceCount)
        try container.encode(reason, forKey: .reason)
        try container.encode(notes, forKey: .notes)
        try container.encodeIfPresent(compared, forKey: .compared)
    }
}

/// The text form of one conversion.
enum ConversionText {
    static func render(_ conversion: ScheduleConversion, target: Dialect) -> String {
        var lines: [String] = []
        if let text = conversion.target {
            lines.append(contentsOf: text.lines)
            var context = "zone \(text.context.zone)"
            if let start = text.context.start { context += ", start \(start)" }
            if let end = text.context.end { context += ", end \(end)" }
            lines.append("  (\(context))")
        }
        switch conversion.status {
        case .exact:
            if let report = conversion.report {
                lines.append(
                    "exact: proved by enumeration from \(report.from) through \(report.through) (\(report.sourceOccurrences) instants)"
                )
            }
        case .lossy:
            let count = conversion.report?.differenceCount ?? 0
            lines.append("lossy: \(count) difference\(count == 1 ? "" : "s")")
            for difference in conversion.report?.differences ?? [] {
                lines.append("  \(difference.reason): \(difference.note)")
            }
        case .impossible:
            lines.append("impossible: \(conversion.reason ?? "")")
        }
        for note in conversion.notes { lines.append("note: \(note)") }
        return lines.joined(separator: "\n")
    }
}

/// Quartz cron expressions (`0 0 8 ? * MON-FRI *`), read as Java Quartz 2.3.2 or Quartz.NET read
/// them, and written in the portable normal form of wyn.md §4.7.
///
/// Each line is one expression and becomes one rule (two for `31W`, where Java also fires on a
/// Friday the 30th, see `QuartzJavaState.rules`); several lines are a union (a Wyn pattern list).
///
/// The window's start is the context's local start, compared on the wall clock: Java starts its
/// search from the wall-clock reading of the trigger's start instant (measured: a start at 05:10Z
/// or at 06:10Z on 2026-11-01 in New York, the two passes of 01:10, gives the same fires), so a
/// local start is exact and an instant one is not.
///
/// ```swift
/// let context = DialectContext(zone: "America/New_York", reference: now)
/// let schedule = try QuartzCron.parse(["0 0 8 ? * MON-FRI *"], context: context, engine: .java)
/// ```
enum QuartzCron {
    /// Reads Quartz expressions, one rule per line.
    ///
    /// - Throws: ``ScheduleSyntaxError`` naming the field, column, value and what was expected.
    static func parse(
        _ lines: [String], context: DialectContext, engine: QuartzEngine
    )
        throws(ScheduleSyntaxError) -> Schedule
    {
        guard !lines.isEmpty else {
            throw ScheduleSyntaxError(
                dialect: engine.dialect, expression: "", field: "expression", offset: 0, value: "",
                reason: "expected at least one Quartz expression")
        }
        let capYear = Self.capYear(reference: context.reference)
        var rules: [ScheduleRule] = []
        rules.reserveCapacity(lines.count)
        for line in lines {
            rules.append(contentsOf: try self.rules(parsing: line, capYear: capYear, engine: engine))
        }
        return .recurring(rules, zone: context.zone, window: window(context))
    }

    /// Writes a schedule as Quartz lines, one per rule, in the portable normal form (wyn.md §4.7).
    ///
    /// - Throws: ``UnprintableSchedule`` naming the part one Quartz line cannot hold.
    static func print(_ schedule: Schedule, engine: QuartzEngine) throws(UnprintableSchedule) -> DialectText {
        try QuartzPrinter(engine: engine).print(schedule)
    }

    /// Java's `MAX_YEAR`, "current year + 100", with the current year taken from the reference
    /// instant (in UTC) instead of a clock.
    static func capYear(reference: Instant) -> Int {
        reference.localDateTime(offset: 0).year + 100
    }

    /// The rules of one expression: one, except where Java's evaluator adds days a single rule
    /// cannot hold (`31W`, see `QuartzJavaState.rules`).
    static func rules(
        parsing line: String, capYear: Int, engine: QuartzEngine
    ) throws(ScheduleSyntaxError)
        -> [ScheduleRule]
    {
        // Java upper-cases the whole expression (Locale.US) before reading it.
        let upper = line.uppercased()
        let units = Array(upper.utf16)
        do {
            var reader = QuartzJavaReader(text: units, capYear: capYear)
            if engine == .dotnet {
                try QuartzPortability.checkVersionConstructs(reader.tokens, in: units)
            }
            let state = try reader.read()
            if engine == .dotnet {
                try QuartzPortability.checkStrictGrammar(reader.tokens, in: units, capYear: capYear)
            }
            let policy = engine.dstPolicy(hasIntervalSemantics: hasIntervalSemantics(reader.tokens, in: units))
            return try state.rules(capYear: capYear, policy: policy)
        } catch {
            throw syntaxError(error, line: line, upper: upper, engine: engine)
        }
    }

    /// Quartz.NET's `HasIntervalSemantics`: a `*`, `/` or `-` anywhere in the text of the
    /// seconds, minutes or hours field.
    static func hasIntervalSemantics(_ tokens: [Range<Int>], in units: [UInt16]) -> Bool {
        tokens.prefix(3).contains { token in
            units[token].contains {
                $0 == QuartzCharacter.asterisk || $0 == QuartzCharacter.slash || $0 == QuartzCharacter.hyphen
            }
        }
    }

    /// The window: the context's start as a wall-clock bound, its end as given.
    ///
    /// A start inside a spring-forward gap has no instant; Java's lenient calendar reads it with
    /// the offset before the gap (02:30 becomes 03:30), so the bound becomes that reading.
    static func window(_ context: DialectContext) -> ScheduleWindow {
        guard var start = context.start else { return ScheduleWindow(start: nil, end: context.end) }
        if var zone = ZoneRules(identifier: context.zone), case .gap(let shifted, _) = zone.resolve(start) {
            start = zone.localDateTime(at: shifted)
        }
        return ScheduleWindow(start: .local(start), end: context.end)
    }

    /// The public error for a problem found in the upper-cased text, located in the original line
    /// (they align unit for unit unless upper-casing changed the length, as `ß` → `SS` does).
    private static func syntaxError(
        _ problem: QuartzProblem, line: String, upper: String, engine: QuartzEngine
    )
        -> ScheduleSyntaxError
    {
        let source = line.utf16.count == upper.utf16.count ? line : upper
        let utf16 = source.utf16
        let lower = min(max(problem.offset, 0), utf16.count)
        let upperBound = min(lower + problem.length, utf16.count)
        let startIndex = String.Index(utf16Offset: lower, in: source)
        let endIndex = String.Index(utf16Offset: upperBound, in: source)
        return ScheduleSyntaxError(
            dialect: engine.dialect, expression: line, field: problem.field?.name ?? "expression",
            fieldNumber: problem.field?.number, offset: source.distance(from: source.startIndex, to: startIndex),
            value: String(source[startIndex..<endIndex]), reason: problem.reason)
    }
}

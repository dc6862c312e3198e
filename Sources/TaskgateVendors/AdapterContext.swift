public import TaskgateCore

/// What adapters need besides the task document: vocabulary, id maps, zone tables, "now", and
/// per-product settings.
public struct AdapterContext: Sendable {
    /// Product names for actions, targets and channels (`mappings/vocabulary.yaml`).
    public var vocabulary: Vocabulary
    /// Ids of documents, apps and workflows across products, supplied by the user (`--id-map`).
    public var idMap: IDMap
    /// Resolves Windows zone ids and aliases to IANA ids, and back.
    public var zones: ZoneResolver
    /// "Now", for schedules that need it (a missing RRULE start; fylr's `next_run_at`).
    public var now: Instant
    /// How far schedule conversions are proved.
    public var horizon: VerificationHorizon
    /// How Wyn's Quartz patterns are evaluated: `quartz-net` (Wyn is a .NET product) or `quartz`.
    public var wynEngine: Dialect
    /// Which kind of zone id the target Wyn server takes (wyn.md §5.1).
    public var wynZoneStyle: WynZoneStyle
    /// The zone for fylr schedules and vCO patterns that name none.
    public var defaultZone: String
    /// Schedule conversions already proved in this run (`nil`: each task proves its own).
    public var conversions: ConversionMemo?
    /// Schedule texts already read in this run (`nil`: each task reads its own).
    public var parses: ParseMemo?

    /// A converter with this context's horizon and memo.
    public var converter: ScheduleConverter { ScheduleConverter(horizon: horizon, memo: conversions) }

    /// Which kind of zone id a Wyn server takes.
    public enum WynZoneStyle: String, Sendable, CaseIterable {
        case windows, iana
    }

    /// Creates a context.
    public init(
        vocabulary: Vocabulary, idMap: IDMap = IDMap(), zones: ZoneResolver, now: Instant,
        horizon: VerificationHorizon = .standard, wynEngine: Dialect = .quartzNet,
        wynZoneStyle: WynZoneStyle = .windows,
        defaultZone: String = "UTC", conversions: ConversionMemo? = nil, parses: ParseMemo? = nil
    ) {
        self.vocabulary = vocabulary
        self.idMap = idMap
        self.zones = zones
        self.now = now
        self.horizon = horizon
        self.wynEngine = wynEngine
        self.wynZoneStyle = wynZoneStyle
        self.defaultZone = defaultZone
        self.conversions = conversions
        self.parses = parses
    }

    /// `lines` read in `dialect`, through this run's ``parses`` when there is one.
    ///
    /// - Throws: ``ScheduleSyntaxError`` naming the field, column, value and what was expected.
    public func parse(
        _ dialect: Dialect, _ lines: [String], context dialectContext: DialectContext
    ) throws(ScheduleSyntaxError) -> Schedule {
        guard let parses else { return try dialect.parse(lines, context: dialectContext) }
        return try parses.parse(dialect, lines, context: dialectContext)
    }
}

/// What a conversion writes into: a dialect, and the limits of the product field that holds it
/// (the digests' "target limits").
public struct TargetProfile: Hashable, Sendable, CustomStringConvertible {
    /// What to call the target in reports: a product or a dialect name.
    public var name: String
    /// The dialect written.
    public var dialect: Dialect
    /// The most lines one task holds (Qlik sharing: 5 RRULEs); `nil` for no limit.
    public var maximumLines: Int?
    /// How many lines one task takes, when several lines mean several tasks (Qlik scheduling: 1).
    public var linesPerTask: Int?
    /// Whether the field holds excluded dates (RRULE sets do; Qlik forbids EXDATE).
    public var holdsExclusions: Bool
    /// Whether a line may end itself (RRULE `COUNT`/`UNTIL`); otherwise an end moves to the
    /// task's window, when all lines end together.
    public var holdsRuleEnds: Bool

    /// Creates a profile.
    public init(
        name: String, dialect: Dialect, maximumLines: Int? = nil, linesPerTask: Int? = nil,
        holdsExclusions: Bool = true,
        holdsRuleEnds: Bool = true
    ) {
        self.name = name
        self.dialect = dialect
        self.maximumLines = maximumLines
        self.linesPerTask = linesPerTask
        self.holdsExclusions = holdsExclusions
        self.holdsRuleEnds = holdsRuleEnds
    }

    /// A dialect on its own, without a product's limits.
    ///
    /// Only RRULE holds excluded dates; RRULE (`COUNT`, `UNTIL`) and ISO 8601 (`Rn/…`) hold a
    /// rule's own end. Elsewhere an end moves to the window, when all rules end together.
    public static func dialect(_ dialect: Dialect) -> TargetProfile {
        switch dialect {
        case .rrule:
            TargetProfile(name: dialect.rawValue, dialect: dialect)
        case .iso8601:
            TargetProfile(name: dialect.rawValue, dialect: dialect, holdsExclusions: false)
        case .quartz, .quartzNet, .cron, .fylr, .vco:
            TargetProfile(name: dialect.rawValue, dialect: dialect, holdsExclusions: false, holdsRuleEnds: false)
        }
    }

    /// The schedule field of a product, with the limits its digest states.
    public static func product(_ product: Product) -> TargetProfile {
        switch product {
        case .wyn:
            // wyn.md §2.8: a list of Quartz patterns plus startDate/endDate; Wyn is a .NET product.
            TargetProfile(name: product.rawValue, dialect: .quartzNet, holdsExclusions: false, holdsRuleEnds: false)
        case .qlikSharing:
            // qlik-sharing.md §6.2: 1–5 RRULEs; no DTSTART, UNTIL, EXDATE, RDATE, EXRULE.
            TargetProfile(
                name: product.rawValue, dialect: .rrule, maximumLines: 5, holdsExclusions: false, holdsRuleEnds: false)
        case .qlikScheduling:
            // qlik-scheduling.md §4.2, H16: one recurrence per task; several rules are several tasks.
            TargetProfile(
                name: product.rawValue, dialect: .rrule, linesPerTask: 1, holdsExclusions: false, holdsRuleEnds: false)
        case .fylr:
            // fylr.md §5.1: field schedules only; no end, no exclusions.
            TargetProfile(name: product.rawValue, dialect: .fylr, holdsExclusions: false, holdsRuleEnds: false)
        case .vco:
            // vco.md §5: one cycle and one pattern per task, between a start and an end date.
            TargetProfile(
                name: product.rawValue, dialect: .vco, maximumLines: 1, holdsExclusions: false, holdsRuleEnds: false)
        }
    }

    /// The profile's name.
    public var description: String { name }
}

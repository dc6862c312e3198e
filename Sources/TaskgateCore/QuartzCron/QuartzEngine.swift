/// The Quartz engine whose reading of a cron expression a schedule follows.
///
/// The two read the same grammar and select the same local times; they differ on DST days
/// (wyn.md §4.5, §4.10), and `quartzNet` refuses the constructs whose meaning changed between
/// Quartz.NET versions (wyn.md §4.6).
enum QuartzEngine: String, CaseIterable, Hashable, Sendable {
    /// Java Quartz 2.3.2 `CronExpression`: dialect `quartz`.
    case java
    /// Quartz.NET (main, per its `CronExpressionDstTests`): dialect `quartz-net`.
    case dotnet

    /// The dialect that names this engine.
    var dialect: Dialect {
        switch self {
        case .java: .quartz
        case .dotnet: .quartzNet
        }
    }

    /// The engine a dialect names, if it is a Quartz dialect.
    init?(dialect: Dialect) {
        switch dialect {
        case .quartz: self = .java
        case .quartzNet: self = .dotnet
        case .cron, .rrule, .iso8601, .fylr, .vco: return nil
        }
    }

    /// How the engine maps a selected local time onto the time line.
    ///
    /// - Java (measured on 2.3.2): its lenient `GregorianCalendar` reads a time in a spring-forward
    ///   gap with the offset before the gap, which lands after the gap, and the search goes on from
    ///   there, so the gap time never fires; every wall-clock time it sets is re-read with the
    ///   standard (later) offset, so a repeated time fires once, at its second pass.
    /// - Quartz.NET main (`CronExpressionDstTests`): a gap time fires once, shifted forward by the
    ///   gap; a repeated time fires at its first pass only, unless the expression has "interval
    ///   semantics" (a `*`, `/` or `-` in the seconds, minutes or hours text), which fire through
    ///   both passes (`ApplySecondAmbiguousPassIfNeeded`).
    func dstPolicy(hasIntervalSemantics: Bool) -> DSTPolicy {
        switch self {
        case .java: .javaQuartz
        case .dotnet: DSTPolicy(gap: .shiftForward, overlap: hasIntervalSemantics ? .both : .earlier)
        }
    }
}

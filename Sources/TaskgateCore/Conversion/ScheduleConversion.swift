/// The result of converting a schedule into another dialect, with its proof.
public struct ScheduleConversion: Hashable, Sendable {
    /// Exact, lossy or impossible.
    public var status: ConversionStatus
    /// What was written, unless the conversion is impossible.
    public var target: DialectText?
    /// The equivalence check that decided the status (absent when nothing was written).
    public var report: EquivalenceReport?
    /// Why the conversion is impossible, or the first loss of a lossy one.
    public var reason: String?
    /// What a user should know besides the differences: parts that were dropped, rules that the
    /// target product needs as separate tasks.
    public var notes: [String]

    /// Creates a conversion result.
    public init(
        status: ConversionStatus, target: DialectText?, report: EquivalenceReport?, reason: String?,
        notes: [String] = []
    ) {
        self.status = status
        self.target = target
        self.report = report
        self.reason = reason
        self.notes = notes
    }
}

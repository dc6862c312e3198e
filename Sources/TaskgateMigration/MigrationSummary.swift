/// The counts of a migration: created, adopted, resumed, skipped, failed, verified, unverified.
public struct MigrationSummary: Hashable, Sendable, Codable {
    /// Created by this run.
    public var created = 0
    /// Adopted after a lost answer.
    public var adopted = 0
    /// Created by an earlier run.
    public var resumed = 0
    /// Left out as lossy or impossible.
    public var skipped = 0
    /// Not migrated.
    public var failed = 0
    /// Read back and proved.
    public var verified = 0
    /// In the target but not proved: the read-back failed or differed. A rerun with the same journal reads
    /// them back again.
    public var unverified = 0

    /// The counts of `outcomes`.
    public init(_ outcomes: [TaskOutcome]) {
        for outcome in outcomes {
            switch outcome.action {
            case .created: created += 1
            case .adopted: adopted += 1
            case .resumed: resumed += 1
            case .skipped: skipped += 1
            case .failed: failed += 1
            }
            if outcome.verified {
                verified += 1
            } else if outcome.targetID != nil {
                unverified += 1
            }
        }
    }

    /// 0 when every task arrived and was verified, 1 when some were skipped, 2 when some failed or are not
    /// verified.
    public var exitCode: Int32 { failed > 0 || unverified > 0 ? 2 : skipped > 0 ? 1 : 0 }

    /// The summary table printed after a run.
    public var table: String {
        let rows: [(String, Int)] = [
            ("created", created), ("adopted", adopted), ("resumed", resumed), ("skipped", skipped),
            ("failed", failed), ("verified", verified), ("unverified", unverified),
        ]
        var lines = ["outcome     tasks"]
        for (name, count) in rows {
            let text = String(count)
            lines.append(name + String(repeating: " ", count: max(1, 17 - name.count - text.count)) + text)
        }
        return lines.joined(separator: "\n")
    }
}

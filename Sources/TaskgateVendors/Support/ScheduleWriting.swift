import TaskgateCore

/// What the Qlik encoders share: writing a schedule back as it was read, window bounds as wall
/// time, and the losses of fields that only the source product has.
enum ScheduleWriting {
    /// A conversion for schedule text written back as it was read: `reread` is that text read
    /// again, and the equivalence check against the task's schedule is the proof.
    static func verbatim(
        _ schedule: Schedule, reread: Schedule, text: DialectText, context: AdapterContext, targetName: String
    ) -> ScheduleConversion? {
        guard
            let report = try? EquivalenceCheck(horizon: context.horizon).compare(
                schedule, with: reread, from: context.now, labels: ("the source", targetName)),
            report.isExact
        else { return nil }
        return ScheduleConversion(status: .exact, target: text, report: report, reason: nil, notes: [])
    }

    /// A conversion for a task without a clock schedule, which the target writes as "no schedule".
    static let noSchedule = ScheduleConversion(
        status: .exact, target: nil, report: nil, reason: nil, notes: ["the task runs only when started"])

    /// A conversion the target cannot write.
    static func impossible(_ reason: String) -> ScheduleConversion {
        ScheduleConversion(status: .impossible, target: nil, report: nil, reason: reason)
    }

    /// A window bound as wall time in `zone` (`YYYY-MM-DDTHH:MM:SS`, no offset).
    static func localText(_ point: TimePoint, zone: String) -> String? {
        switch point {
        case .local(let local): return local.description
        case .instant(let instant):
            guard var rules = ZoneRules(identifier: zone) else { return nil }
            return rules.localDateTime(at: instant).description
        }
    }

    /// One loss per action parameter of another product.
    static func parameterLosses(of task: CanonicalTask, into target: Product) -> [Loss] {
        let source = task.identity.product
        guard source != target else { return [] }
        let base = task.provenance[.actionParameters] ?? .root
        return task.action.parameters.map { key, value in
            Loss(path: base.appending(key), value: value, reason: "\(target) has no field for \(source)'s '\(key)'")
        }
    }
}

extension DSTPolicy {
    /// What the policy does on the two kinds of clock-change day, as one clause: `a time that does
    /// not exist on a spring-forward day is skipped; a time that exists twice fires at the second
    /// pass`.
    var explanation: String {
        let gapText: String
        switch gap {
        case .skip: gapText = "is skipped"
        case .shiftForward: gapText = "is moved forward by the length of the gap (02:30 becomes 03:30)"
        case .transition: gapText = "fires when the clock springs forward (02:30 fires at 03:00)"
        }
        let overlapText: String
        switch overlap {
        case .earlier: overlapText = "fires at the first pass"
        case .later: overlapText = "fires at the second pass"
        case .both: overlapText = "fires at both passes"
        }
        return "a time that does not exist on a spring-forward day \(gapText); a time that exists twice \(overlapText)"
    }
}

/// vCO enum values as the wire spells them: lower case and hyphenated, read from either that or
/// the Swagger's Java names (`EVERY_WEEKS`, `START_IN_THE_PAST`; vco.md §11 V7).
enum VcoWireSpelling {
    /// The recurrence cycles (§3.1).
    static let cycles = ["one-time", "every-minutes", "every-hours", "every-days", "every-weeks", "every-months"]
    /// The start modes (§4.3).
    static let startModes = ["normal", "start-in-the-past"]

    /// `EVERY_WEEKS` → `every-weeks`.
    static func normalized(_ text: String) -> String {
        String(text.lowercased().map { $0 == "_" ? "-" : $0 })
    }
}

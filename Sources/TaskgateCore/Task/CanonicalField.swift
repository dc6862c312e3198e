/// A canonical part of a task, for provenance and loss reports.
public enum CanonicalField: String, Hashable, Sendable, CaseIterable, Codable, Comparable {
    case name, description, enabled, target, action, actionFormat, actionParameters, timeout, schedule
    case emailRecipients, emailCopies, emailSubject, emailBody, emailMode, storage, notification
    case owner, runAs, onFailure

    /// Fields sort by name.
    public static func < (lhs: CanonicalField, rhs: CanonicalField) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Hashes the case, not its name: the standard library's default for an enum with raw values hashes
    /// the raw value, a string, and every decoded task fills a dictionary keyed by field.
    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: self) { hasher.combine(bytes: $0) }
    }
}

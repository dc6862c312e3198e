public import TaskgateCore

/// Which source tasks a migration plans (`--filter`): conditions on the canonical task, all of which
/// must hold (a repeated `--filter` is AND).
///
/// A condition is `FIELD=VALUE` (equal), `FIELD!=VALUE` (not equal) or `FIELD~TEXT` (contains, ignoring
/// case). Fields: `id` (the source id), `name`, `enabled` (`true`/`false`), `action` (the canonical
/// action kind, `export`), `target` (the target object's id), `target-kind` (`document`, `app`),
/// `owner` (the owner's name or id) and `verdict` (`exact`, `lossy`, `impossible`: the schedule
/// conversion for the target). A field the task does not have (no owner, say) is the empty text.
public struct TaskFilter: Hashable, Sendable, CustomStringConvertible {
    /// A field of the canonical task that a condition reads.
    public enum Field: String, Hashable, Sendable, CaseIterable {
        /// The task's id in the source.
        case id
        /// The task's name.
        case name
        /// `true` or `false`.
        case enabled
        /// The canonical action kind.
        case action
        /// The target object's id.
        case target
        /// The target object's kind.
        case targetKind = "target-kind"
        /// The owner's name, or id when it has no name.
        case owner
        /// The conversion verdict for the target product.
        case verdict
    }

    /// How a condition compares.
    public enum Comparison: String, Hashable, Sendable {
        /// The field's text is the value.
        case equal = "="
        /// The field's text is not the value.
        case notEqual = "!="
        /// The field's text contains the value, ignoring case.
        case contains = "~"
    }

    /// One `FIELD=VALUE`.
    public struct Condition: Hashable, Sendable, CustomStringConvertible {
        /// The field read.
        public var field: Field
        /// How it is compared.
        public var comparison: Comparison
        /// The value compared with.
        public var value: String

        /// Creates a condition.
        public init(field: Field, comparison: Comparison, value: String) {
            self.field = field
            self.comparison = comparison
            self.value = value
        }

        /// Reads `FIELD=VALUE`, `FIELD!=VALUE` or `FIELD~TEXT`.
        ///
        /// - Throws: ``TaskFilterError`` naming the condition, what was found and what was expected.
        public init(parsing text: String) throws(TaskFilterError) {
            guard let index = text.firstIndex(where: { $0 == "=" || $0 == "~" || $0 == "!" }) else {
                throw TaskFilterError(
                    condition: text, message: "no comparison; expected FIELD=VALUE, FIELD!=VALUE or FIELD~TEXT")
            }
            let name = String(text[..<index])
            var rest = text[index...]
            let comparison: Comparison
            if rest.hasPrefix("!=") {
                comparison = .notEqual
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("=") {
                comparison = .equal
                rest = rest.dropFirst()
            } else if rest.hasPrefix("~") {
                comparison = .contains
                rest = rest.dropFirst()
            } else {
                throw TaskFilterError(
                    condition: text, message: "'\(rest.prefix(2))' is no comparison; expected =, != or ~")
            }
            guard let field = Field(rawValue: name) else {
                throw TaskFilterError(
                    condition: text,
                    message: "field '\(name)' is unknown; expected one of "
                        + Field.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let value = String(rest)
            if field == .enabled, value != "true", value != "false" {
                throw TaskFilterError(condition: text, message: "enabled is '\(value)'; expected true or false")
            }
            if field == .verdict, ConversionStatus(rawValue: value) == nil, comparison != .contains {
                throw TaskFilterError(
                    condition: text, message: "verdict is '\(value)'; expected exact, lossy or impossible")
            }
            self.init(field: field, comparison: comparison, value: value)
        }

        /// `name~report`.
        public var description: String { field.rawValue + comparison.rawValue + value }

        /// Whether the field's text satisfies the condition.
        func holds(for text: String) -> Bool {
            switch comparison {
            case .equal: text == value
            case .notEqual: text != value
            case .contains: value.isEmpty || text.lowercased().contains(value.lowercased())
            }
        }
    }

    /// The conditions; none means every task.
    public var conditions: [Condition]

    /// A filter of `conditions` (none: every task passes).
    public init(_ conditions: [Condition] = []) {
        self.conditions = conditions
    }

    /// Reads each `--filter` argument as one condition.
    ///
    /// - Throws: ``TaskFilterError`` for the first that does not read.
    public init(parsing arguments: [String]) throws(TaskFilterError) {
        var conditions: [Condition] = []
        for argument in arguments { conditions.append(try Condition(parsing: argument)) }
        self.init(conditions)
    }

    /// Whether there is no condition.
    public var isEmpty: Bool { conditions.isEmpty }

    /// The conditions joined with ` and `.
    public var description: String { conditions.map(\.description).joined(separator: " and ") }

    /// Whether a task passes: every condition holds. A task that could not be read (`task` is `nil`)
    /// passes only conditions on its `id`.
    public func matches(id: String, task: CanonicalTask?, verdict: ConversionStatus?) -> Bool {
        conditions.allSatisfy { condition in
            if condition.field == .id { return condition.holds(for: id) }
            guard let task else { return false }
            let text: String
            switch condition.field {
            case .id: text = id
            case .name: text = task.identity.name
            case .enabled: text = task.enabled ? "true" : "false"
            case .action: text = task.action.kind
            case .target: text = task.target?.id ?? ""
            case .targetKind: text = task.target?.kind ?? ""
            case .owner: text = task.owner?.name ?? task.owner?.id ?? ""
            case .verdict: text = verdict?.rawValue ?? ""
            }
            return condition.holds(for: text)
        }
    }
}

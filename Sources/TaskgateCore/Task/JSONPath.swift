/// A place in a JSON document: `trigger.pattern.patterns[1]`, `tasks[3].schedules[0].hours[2]`.
public struct JSONPath: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// One step into a document.
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    /// The steps from the document's root.
    public var components: [Component]

    /// The document itself.
    public static let root = JSONPath(components: [])

    /// Creates a path from its steps.
    public init(components: [Component]) {
        self.components = components
    }

    /// Reads a dotted path with `[n]` indexes: `deployTo.emailAttach.settings.mailTo[0]`.
    public init(stringLiteral value: String) {
        let dot = UInt8(ascii: ".")
        if !value.utf8.contains(UInt8(ascii: "[")) {
            // Member names only (most paths in the adapters, built for every task read): cut the bytes at
            // the dots, empty names left out, into an array of the right size.
            var keys: [Component] = []
            keys.reserveCapacity(value.utf8.count { $0 == dot } + 1)
            var utf8 = value.utf8[...]
            while let end = utf8.firstIndex(of: dot) {
                if end > utf8.startIndex { keys.append(.key(String(value[utf8.startIndex..<end]))) }
                utf8 = utf8[utf8.index(after: end)...]
            }
            if !utf8.isEmpty { keys.append(.key(String(value[utf8.startIndex...]))) }
            components = keys
            return
        }
        var components: [Component] = []
        for part in value.split(separator: ".", omittingEmptySubsequences: true) {
            var name = Substring(part)
            var indexes: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "["),
                let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)])
            {
                indexes.insert(index, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { components.append(.key(String(name))) }
            components.append(contentsOf: indexes.map(Component.index))
        }
        self.components = components
    }

    /// This path with a member name appended.
    public func appending(_ key: String) -> JSONPath {
        JSONPath(components: components + [.key(key)])
    }

    /// This path with an array index appended.
    public func appending(_ index: Int) -> JSONPath {
        JSONPath(components: components + [.index(index)])
    }

    /// `trigger.pattern.patterns[1]`; the empty path is `$`.
    public var description: String {
        guard !components.isEmpty else { return "$" }
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// Paths sort by their text.
    public static func < (lhs: JSONPath, rhs: JSONPath) -> Bool { lhs.description < rhs.description }
}

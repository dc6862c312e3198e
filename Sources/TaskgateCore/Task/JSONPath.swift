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

    /// Hashes the depth and the last component, a part of what equality compares: paths are dictionary
    /// keys for every decoded task, and hashing each of their names cost more than the rare collision of
    /// two equally deep paths that end alike.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(components.count)
        if let last = components.last { hasher.combine(last) }
    }

    /// This path with a member name appended.
    public func appending(_ key: String) -> JSONPath {
        appending(component: .key(key))
    }

    /// This path with an array index appended.
    public func appending(_ index: Int) -> JSONPath {
        appending(component: .index(index))
    }

    /// The path with `component` after its own, in one allocation (`components + [component]` made two).
    private func appending(component: Component) -> JSONPath {
        var longer: [Component] = []
        longer.reserveCapacity(components.count + 1)
        longer.append(contentsOf: components)
        longer.append(component)
        return JSONPath(components: longer)
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
    ///
    /// The texts are compared byte by byte as they would be written, without writing them: adapters sort
    /// every task's losses and foreign fields by path. A byte above ASCII up to just after the first
    /// difference hands the comparison to `String`'s, whose order for non-ASCII text follows Unicode's
    /// canonical equivalence rather than the bytes (`e` and a combining acute accent are `é`).
    public static func < (lhs: JSONPath, rhs: JSONPath) -> Bool {
        var left = TextBytes(lhs)
        var right = TextBytes(rhs)
        while true {
            let leftByte = left.next()
            let rightByte = right.next()
            if leftByte.map({ $0 >= 0x80 }) == true || rightByte.map({ $0 >= 0x80 }) == true {
                return lhs.description < rhs.description
            }
            guard let leftByte else { return rightByte != nil }
            guard let rightByte else { return false }
            guard leftByte != rightByte else { continue }
            // A combining mark after either byte would make it another character to `String`.
            if left.next().map({ $0 >= 0x80 }) == true || right.next().map({ $0 >= 0x80 }) == true {
                return lhs.description < rhs.description
            }
            return leftByte < rightByte
        }
    }

    /// The bytes of ``description``, one at a time: each component's text is read in place.
    private struct TextBytes {
        let components: [Component]
        /// The next component to read.
        var index = 0
        /// The text of the component being read, and the position in it.
        var piece: String.UTF8View
        var position: String.UTF8View.Index
        /// Whether a dot comes before `piece` (a key after other text).
        var dotFirst = false
        /// Whether a byte has been given (the text so far is not empty).
        var gaveAny = false

        init(_ path: JSONPath) {
            components = path.components
            piece = (components.isEmpty ? "$" : "").utf8
            position = piece.startIndex
        }

        mutating func next() -> UInt8? {
            while true {
                if dotFirst {
                    dotFirst = false
                    gaveAny = true
                    return UInt8(ascii: ".")
                }
                if position < piece.endIndex {
                    let byte = piece[position]
                    piece.formIndex(after: &position)
                    gaveAny = true
                    return byte
                }
                guard index < components.count else { return nil }
                switch components[index] {
                case .key(let key):
                    dotFirst = gaveAny
                    piece = key.utf8
                case .index(let number):
                    piece = "[\(number)]".utf8
                }
                position = piece.startIndex
                index += 1
            }
        }
    }
}

import TaskgateCore

/// Writes values back at their JSON paths: how an adapter puts a task's verbatim extension fields
/// into the document it builds.
enum JSONOverlay {
    /// `document` with `value` set at `path`; missing objects on the way are created, a path that
    /// runs through a non-object or an index out of range leaves the document unchanged.
    static func setting(_ value: JSONValue, at path: JSONPath, in document: JSONValue) -> JSONValue {
        setting(value, at: path.components[...], in: document)
    }

    /// The value at `path`, if there is one.
    static func value(at path: JSONPath, in document: JSONValue) -> JSONValue? {
        var current = document
        for component in path.components {
            switch component {
            case .key(let key):
                guard let next = current[key] else { return nil }
                current = next
            case .index(let index):
                guard let items = current.arrayValue, items.indices.contains(index) else { return nil }
                current = items[index]
            }
        }
        return current
    }

    private static func setting(
        _ value: JSONValue, at components: ArraySlice<JSONPath.Component>, in document: JSONValue
    ) -> JSONValue {
        guard let first = components.first else { return value }
        let rest = components.dropFirst()
        switch first {
        case .key(let key):
            var object: JSONObject
            switch document {
            case .object(let members): object = members
            case .null: object = [:]
            default: return document
            }
            object[key] = setting(value, at: rest, in: object[key] ?? .null)
            return .object(object)
        case .index(let index):
            guard case .array(var items) = document, items.indices.contains(index) else { return document }
            items[index] = setting(value, at: rest, in: items[index])
            return .array(items)
        }
    }
}

import Foundation
import TaskgateCore

/// An RFC 6902 operation that cannot be applied.
struct JSONPatchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The index of the operation in the array.
    var index: Int
    /// What went wrong.
    var reason: String

    /// `operation [2]: …`.
    var description: String { "operation [\(index)]: \(reason)" }
}

/// RFC 6902 `add`, `remove` and `replace` over RFC 6901 pointers (Qlik scheduling's PATCH;
/// `move`/`copy` lack the documented `from` member and are refused, qlik-scheduling.md §E4).
enum JSONPatch {
    /// Applies the operations in order.
    static func apply(_ operations: JSONValue, to document: JSONValue) throws(JSONPatchError) -> JSONValue {
        guard let list = operations.arrayValue else {
            throw JSONPatchError(index: 0, reason: "the body must be an array of operations")
        }
        var result = document
        for (index, operation) in list.enumerated() {
            guard let op = operation["op"]?.stringValue, ["add", "remove", "replace"].contains(op) else {
                throw JSONPatchError(index: index, reason: "op must be add, remove or replace")
            }
            guard let path = operation["path"]?.stringValue, path.hasPrefix("/") else {
                throw JSONPatchError(index: index, reason: "path must be a JSON pointer such as /enabled")
            }
            let tokens = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            }
            if op != "remove", operation["value"] == nil {
                throw JSONPatchError(index: index, reason: "\(op) needs a value")
            }
            guard let next = set(result, tokens[...], op: op, value: operation["value"] ?? .null) else {
                throw JSONPatchError(index: index, reason: "path \(path) does not exist")
            }
            result = next
        }
        return result
    }

    private static func set(_ node: JSONValue, _ tokens: ArraySlice<String>, op: String, value: JSONValue) -> JSONValue?
    {
        guard let token = tokens.first else { return op == "remove" ? nil : value }
        let rest = tokens.dropFirst()
        switch node {
        case .object(var object):
            if rest.isEmpty {
                switch op {
                case "remove", "replace":
                    guard object[token] != nil else { return nil }
                    if op == "remove" { object.removeValue(forKey: token) } else { object[token] = value }
                default:
                    object[token] = value
                }
                return .object(object)
            }
            guard let child = object[token], let changed = set(child, rest, op: op, value: value) else { return nil }
            object[token] = changed
            return .object(object)
        case .array(var array):
            if rest.isEmpty, op == "add", token == "-" {
                array.append(value)
                return .array(array)
            }
            guard let index = Int(token), index >= 0, index <= array.count else { return nil }
            if rest.isEmpty {
                switch op {
                case "add": array.insert(value, at: index)
                case "remove":
                    guard index < array.count else { return nil }
                    array.remove(at: index)
                default:
                    guard index < array.count else { return nil }
                    array[index] = value
                }
                return .array(array)
            }
            guard index < array.count, let changed = set(array[index], rest, op: op, value: value) else { return nil }
            array[index] = changed
            return .array(array)
        case .null, .bool, .integer, .double, .string:
            return nil
        }
    }
}

public import Foundation
public import TaskgateCore
import Yams

/// Reads `vocabulary.yaml` (DESIGN.md §4) into the core's ``Vocabulary``, validating every entry:
/// known product names, `values` as a mapping of strings, `action` and `target` present, channels
/// spelled `email/<attachment|body|link|download-link>`, `storage/<kind>` or `notification/<kind>`.
public enum VocabularyLoader {
    /// The vocabulary file.
    public static let file = "vocabulary.yaml"

    /// The vocabulary in `directory`.
    ///
    /// - Throws: ``MappingsFileError`` naming the file, the entry and what is wrong.
    public static func vocabulary(in directory: URL) throws(MappingsFileError) -> Vocabulary {
        let path = directory.appendingPathComponent(file).path
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw MappingsFileError("cannot read \(path): \(error.localizedDescription)")
        }
        return try vocabulary(yaml: text, file: path)
    }

    /// The vocabulary in YAML text; `file` names it in errors.
    public static func vocabulary(yaml text: String, file: String) throws(MappingsFileError) -> Vocabulary {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw MappingsFileError("\(file): not YAML: \(error)")
        }
        guard case .mapping(let top)? = root else {
            throw MappingsFileError("\(file): expected a mapping with actions and deliveries")
        }
        var vocabulary = Vocabulary()
        for (product, entries) in try sections(top["actions"], name: "actions", file: file) {
            vocabulary.actions[product] = try entries.enumerated().map { index, node throws(MappingsFileError) in
                try actionTerm(node, at: "actions.\(product)[\(index)]", file: file)
            }
        }
        for (product, entries) in try sections(top["deliveries"], name: "deliveries", file: file) {
            vocabulary.deliveries[product] = try entries.enumerated().map { index, node throws(MappingsFileError) in
                try deliveryTerm(node, at: "deliveries.\(product)[\(index)]", file: file)
            }
        }
        return vocabulary
    }

    private static func sections(
        _ node: Node?, name: String, file: String
    ) throws(MappingsFileError) -> [(
        Product, [Node]
    )] {
        guard let node else { return [] }
        guard case .mapping(let mapping) = node else {
            throw MappingsFileError("\(file): \(name): expected a mapping of product names to lists")
        }
        var result: [(Product, [Node])] = []
        for (key, value) in mapping {
            let names = Product.allCases.map(\.rawValue).joined(separator: ", ")
            guard let text = key.string, let product = Product(rawValue: text) else {
                throw MappingsFileError(
                    "\(file): \(name): '\(key.string ?? "?")' is not a product; expected one of \(names)")
            }
            guard case .sequence(let items) = value else {
                throw MappingsFileError("\(file): \(name).\(text): expected a list")
            }
            result.append((product, Array(items)))
        }
        return result
    }

    private static func actionTerm(_ node: Node, at place: String, file: String) throws(MappingsFileError) -> ActionTerm
    {
        guard case .mapping(let entry) = node else { throw MappingsFileError("\(file): \(place): expected a mapping") }
        guard case .mapping(let valuesNode)? = entry["values"] else {
            throw MappingsFileError("\(file): \(place).values: expected a mapping of product fields to values")
        }
        var values: [String: String] = [:]
        for (key, value) in valuesNode {
            guard let name = key.string, let text = value.string else {
                throw MappingsFileError("\(file): \(place).values: expected strings")
            }
            values[name] = text
        }
        guard let action = entry["action"]?.string, !action.isEmpty else {
            throw MappingsFileError("\(file): \(place).action is missing; expected a canonical action")
        }
        guard let target = entry["target"]?.string, !target.isEmpty else {
            throw MappingsFileError("\(file): \(place).target is missing; expected a canonical target kind")
        }
        return ActionTerm(values: values, action: action, target: target, format: entry["format"]?.string)
    }

    private static func deliveryTerm(
        _ node: Node, at place: String, file: String
    ) throws(MappingsFileError)
        -> DeliveryTerm
    {
        guard case .mapping(let entry) = node else { throw MappingsFileError("\(file): \(place): expected a mapping") }
        guard let key = entry["key"]?.string, !key.isEmpty else {
            throw MappingsFileError("\(file): \(place).key is missing; expected the product's channel key")
        }
        let text = entry["channel"]?.string ?? ""
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        let expected = "email/<attachment|body|link|download-link>, storage/<kind> or notification/<kind>"
        guard parts.count == 2, !parts[1].isEmpty else {
            throw MappingsFileError("\(file): \(place).channel: '\(text)' is not valid; expected \(expected)")
        }
        switch parts[0] {
        case "email":
            guard let mode = EmailDelivery.Mode(rawValue: parts[1]) else {
                throw MappingsFileError("\(file): \(place).channel: '\(text)' is not valid; expected \(expected)")
            }
            return DeliveryTerm(key: key, channel: .email(mode))
        case "storage": return DeliveryTerm(key: key, channel: .storage(parts[1]))
        case "notification": return DeliveryTerm(key: key, channel: .notification(parts[1]))
        default:
            throw MappingsFileError("\(file): \(place).channel: '\(text)' is not valid; expected \(expected)")
        }
    }
}

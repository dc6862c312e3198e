public import TaskgateCore

/// Reads and writes one product's task JSON: decodes it into a ``CanonicalTask`` and encodes a
/// canonical task into it (DESIGN.md §1).
///
/// Adapters are pure: JSON values in, values out. A decoded task keeps every source field, either
/// in a canonical property or verbatim in its product's ``CanonicalTask/extensions``, so that
/// encoding back to the same product gives the same JSON (the round-trip law). Encoding to another
/// product reports every part it cannot hold as a ``Loss``.
public protocol ProductAdapter: Sendable {
    /// The product this adapter reads and writes.
    var product: Product { get }

    /// The task documents in a file: one task, an array of tasks, or the product's list envelope.
    ///
    /// - Returns: each task with its path in the file (`$`, `[3]`, `objects[3]`).
    /// - Throws: ``TaskDecodingError`` when the file holds none of these shapes.
    func taskDocuments(in json: JSONValue) throws(TaskDecodingError) -> [(path: JSONPath, task: JSONValue)]

    /// Reads one task.
    ///
    /// - Throws: ``TaskDecodingError`` naming the JSON path, the value and what was expected.
    func decode(_ json: JSONValue, context: AdapterContext) throws(TaskDecodingError) -> CanonicalTask

    /// Writes a task in the product's current shape, for creating it: server-set fields are never
    /// written. The result says what could not be kept.
    func encode(_ task: CanonicalTask, context: AdapterContext) -> EncodedTask
}

public import TaskgateCore

/// JSON documents carried inside a string (Wyn's `task.payload` and `task.parameters`, wyn.md §2.2):
/// read into a ``JSONValue``, and written back compactly with sorted keys.
enum EmbeddedJSON {
    /// The document in `text`, or `nil` when it is not JSON.
    static func parse(_ text: String) -> JSONValue? {
        JSONReader.value(text.utf8)
    }

    /// `value` as compact JSON text with sorted keys.
    static func text(_ value: JSONValue) -> String {
        JSONWriter.text(value)
    }
}

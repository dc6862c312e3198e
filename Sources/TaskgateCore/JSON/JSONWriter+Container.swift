extension JSONWriter {
    /// An array or object written element by element, with the separators, indents and brackets that
    /// ``write(_:into:pretty:level:)`` gives a whole ``JSONValue``: for a caller that knows its members'
    /// order and would otherwise build a dictionary only to have it sorted again.
    ///
    /// The caller gives an object's members in key order; the text is then what the writer gives the same
    /// members as a ``JSONValue/object(_:)``.
    public struct Container {
        private let closing: UInt8
        private let pretty: Bool
        private let level: Int
        private var isEmpty = true

        private init(opening: UInt8, closing: UInt8, into output: inout [UInt8], pretty: Bool, level: Int) {
            self.closing = closing
            self.pretty = pretty
            self.level = level
            output.append(opening)
        }

        /// Opens an object `level` deep.
        public static func object(into output: inout [UInt8], pretty: Bool, level: Int) -> Container {
            Container(
                opening: UInt8(ascii: "{"), closing: UInt8(ascii: "}"), into: &output, pretty: pretty, level: level)
        }

        /// Opens an array `level` deep.
        public static func array(into output: inout [UInt8], pretty: Bool, level: Int) -> Container {
            Container(
                opening: UInt8(ascii: "["), closing: UInt8(ascii: "]"), into: &output, pretty: pretty, level: level)
        }

        /// The level to write an element's value at.
        public var innerLevel: Int { level + 1 }

        /// Starts the next element: the separator and the indent. The caller then writes its value at
        /// ``innerLevel``.
        public mutating func nextElement(into output: inout [UInt8]) {
            if !isEmpty { output.append(UInt8(ascii: ",")) }
            isEmpty = false
            if pretty {
                output.append(0x0A)
                indent(innerLevel, into: &output)
            }
        }

        /// Starts the next member of an object: the separator, the indent, the key and the colon. The caller
        /// then writes its value at ``innerLevel``.
        public mutating func nextMember(_ key: String, into output: inout [UInt8]) {
            nextElement(into: &output)
            quote(key, into: &output)
            if pretty {
                output.append(contentsOf: prettyKeySeparator)
            } else {
                output.append(UInt8(ascii: ":"))
            }
        }

        /// Writes the next member of an object, with its value.
        public mutating func member(_ key: String, _ value: JSONValue, into output: inout [UInt8]) {
            nextMember(key, into: &output)
            write(value, into: &output, pretty: pretty, level: innerLevel)
        }

        /// Closes the array or object.
        public func close(into output: inout [UInt8]) {
            if pretty {
                // `JSONEncoder` writes an empty pretty container with an empty line in it.
                output.append(0x0A)
                if isEmpty { output.append(0x0A) }
                indent(level, into: &output)
            }
            output.append(closing)
        }
    }
}

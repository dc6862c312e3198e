import Foundation
import TaskgateCore
import TaskgateMappings
import TaskgateVendors

/// The JSON, vendor and proxy targets.
public enum TaskFuzzing {
    /// The repository's mapping files, read once (`TASKGATE_MAPPINGS` overrides the folder).
    static let mappings: (vocabulary: Vocabulary, zones: ZoneResolver) = {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let directory =
            ProcessInfo.processInfo.environment["TASKGATE_MAPPINGS"].map { URL(fileURLWithPath: $0) }
            ?? repository.appendingPathComponent("mappings")
        do {
            return (try VocabularyLoader.vocabulary(in: directory), try ZoneMappingLoader.resolver(in: directory))
        } catch {
            fatalError("fuzz: cannot read the mapping files in \(directory.path): \(error)")
        }
    }()

    /// How far conversions are proved: 31 days and 100 instants, not the standard 2 years and
    /// 1,000. The proof's cost grows with the horizon, not its code paths: with 2 years an
    /// every-minute task compares about a million instants a side (7.6 s CPU under ASan), which
    /// libFuzzer's timeout would report as a hang.
    static let horizon = VerificationHorizon(seconds: 31 * 86_400, minimumOccurrences: 100, text: "31d")

    /// The adapter context a header byte picks: "now", Wyn's engine and zone style, the default zone.
    static func context(_ input: FuzzInput, byte index: Int) -> AdapterContext {
        let byte = input.header[index]
        return AdapterContext(
            vocabulary: mappings.vocabulary, zones: mappings.zones,
            now: FuzzInput.references[Int(byte & 0x03)], horizon: horizon,
            wynEngine: byte & 0x04 == 0 ? .quartzNet : .quartz,
            wynZoneStyle: byte & 0x08 == 0 ? .windows : .iana,
            defaultZone: FuzzInput.zones[Int(byte >> 4)])
    }

    /// JSON text to ``JSONValue`` as the CLI, the proxy, the emulators and the migrator read it (``JSONReader``);
    /// `nil` when it is not JSON, after the syntax error's message is built.
    static func json(_ bytes: UnsafeRawBufferPointer) -> JSONValue? {
        do {
            return try JSONReader.parse(bytes)
        } catch {
            _ = error.description
            return nil
        }
    }

    /// The JSON target: read, write compact and pretty, and read each written text again. What is written
    /// must read back, and writing what was read back must give the same text (a value is not compared
    /// with itself directly: `-0.0` is written `-0`, which reads back as the integer 0).
    public static func runJSON(_ start: UnsafeRawPointer, _ count: Int) {
        let input = FuzzInput(start, count, headerLength: 0)
        guard let value = json(input.body) else { return }
        _ = value.compactText
        for pretty in [false, true] {
            let text = JSONWriter.bytes(value, pretty: pretty)
            guard let again = JSONReader.value(text) else {
                fatalError("JSONWriter wrote text JSONReader cannot read: \(String(decoding: text, as: UTF8.self))")
            }
            guard JSONWriter.bytes(again, pretty: pretty) == text else {
                fatalError("written, read and written again differs: \(String(decoding: text, as: UTF8.self))")
            }
        }
    }

    /// A vendor target: the product's task documents in a file, each decoded, encoded to the
    /// product a header byte picks and back to its own, and the encoded task read again.
    ///
    /// Input: byte 0 picks the target product; byte 1 the adapter context; the rest is JSON.
    public static func runVendor(_ product: Product, _ start: UnsafeRawPointer, _ count: Int) {
        let input = FuzzInput(start, count, headerLength: 2)
        guard let value = json(input.body) else { return }
        let context = context(input, byte: 1)
        let adapter = ProductAdapters.adapter(for: product)
        guard let documents = try? adapter.taskDocuments(in: value) else { return }
        for document in documents.prefix(4) {
            _ = document.path.description
            convert(document.task, from: product, to: input.pick(Product.allCases, byte: 0), context: context)
        }
    }

    /// The proxy's request path (`ProxyHandler.convertRequest`, then `convertAnswer`): a front
    /// body read as JSON, decoded by the front adapter, encoded for the upstream; the upstream's
    /// task decoded and encoded for the front again.
    ///
    /// Input: byte 0 picks the front (low 4 bits) and the upstream (high 4 bits); byte 1 the
    /// adapter context; the rest is the request body.
    public static func runProxyRequest(_ start: UnsafeRawPointer, _ count: Int) {
        let input = FuzzInput(start, count, headerLength: 2)
        guard let value = json(input.body) else { return }
        let front = input.pick(Product.allCases, byte: 0)
        let upstream = input.pick(Product.allCases, byte: 0, shift: 4)
        convert(value, from: front, to: upstream, context: context(input, byte: 1))
    }

    /// Decodes `task` as `source`, encodes it as `target` and as `source`, and reads both back.
    static func convert(_ task: JSONValue, from source: Product, to target: Product, context: AdapterContext) {
        let canonical: CanonicalTask
        do {
            canonical = try ProductAdapters.adapter(for: source).decode(task, context: context)
        } catch {
            _ = error.description
            return
        }
        for product in [target, source] {
            let encoded = ProductAdapters.adapter(for: product).encode(canonical, context: context)
            _ = encoded.status
            _ = encoded.losses.map(\.description)
            guard let json = encoded.json else { continue }
            _ = try? ProductAdapters.adapter(for: product).decode(json, context: context)
        }
    }
}

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

    /// JSON text to ``JSONValue`` as the CLI and the proxy read it; `nil` when it is not JSON.
    static func json(_ bytes: UnsafeRawBufferPointer) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    /// The JSON target: decode, write compact text and encoded JSON, read them back.
    public static func runJSON(_ start: UnsafeRawPointer, _ count: Int) {
        let input = FuzzInput(start, count, headerLength: 0)
        guard let value = json(input.body) else { return }
        _ = value.compactText
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return }
        _ = try? JSONDecoder().decode(JSONValue.self, from: data)
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

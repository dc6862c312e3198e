import Foundation
import Testing
import TaskgateCore
import TaskgateVendors

@Suite struct ProbeTests {
    @Test func probe() throws {
        let context = try ProxyHarness.context(idMap: IDMap())
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples")
        for source in Product.allCases {
            let folder = root.appendingPathComponent(source.rawValue)
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let data = try Data(contentsOf: folder.appendingPathComponent(file))
                guard let json = try? JSONDecoder().decode(JSONValue.self, from: data),
                      let task = try? ProductAdapters.adapter(for: source).decode(json, context: context) else { continue }
                for target in Product.allCases where target != source {
                    let encoded = ProductAdapters.adapter(for: target).encode(task, context: context)
                    print("PROBE \(source) \(file) -> \(target): \(encoded.status) losses=\(encoded.losses.count) sched=\(encoded.schedule.status) \(encoded.losses.map { $0.path.description + ": " + $0.reason }.prefix(4))")
                }
            }
        }
    }
}

import TaskgateCore

/// Extension paths in which a product's adapter keeps its own text of parts that also have a
/// canonical home (the schedule as written, the recipients in their shape), so that a same-product
/// round trip writes them as read. Encoding into another product reports the canonical parts, not
/// these copies, as losses.
enum SourceMirrors {
    /// The mirror paths of a source product.
    static func paths(of product: Product) -> Set<JSONPath> {
        switch product {
        case .qlikSharing: qlikSharing
        case .qlikScheduling: qlikScheduling
        case .wyn, .fylr, .vco: []
        }
    }

    // Built once: every encode into another product asks.
    private static let qlikSharing: Set<JSONPath> = [
        "scheduleOptions", "recipients", "transportChannels", "emailContent",
    ]
    private static let qlikScheduling: Set<JSONPath> = ["start", "events", "states"]
}

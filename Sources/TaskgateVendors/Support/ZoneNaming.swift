import TaskgateCore

/// Reads a product's zone name: through the zone tables (aliases, Windows ids), else as a zone
/// the zone catalog knows (`UTC`).
enum ZoneNaming {
    /// The IANA zone, or `nil` when neither the tables nor the catalog know the name.
    static func resolve(_ name: String, context: AdapterContext) -> String? {
        if let zone = try? context.zones.resolve(name) { return zone }
        return ZoneRules(identifier: name) != nil ? name : nil
    }
}

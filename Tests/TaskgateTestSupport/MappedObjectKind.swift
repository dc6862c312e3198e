public import TaskgateCore

/// The kind of object a target product's tasks act on, which the tests' id maps give the objects a
/// source product's tasks point at (migrate's and serve's tests between two products).
public enum MappedObjectKind {
    /// The kind for tasks going from `source` to `target`: Wyn acts on reports (from Qlik sharing's
    /// report sharing) or datasets, Qlik scheduling on apps, vCO on workflows; Qlik sharing and fylr
    /// take no kind from the map.
    public static func kind(from source: Product, to target: Product) -> String? {
        switch target {
        case .wyn: source == .qlikSharing ? "report" : "dataset"
        case .qlikScheduling: "app"
        case .vco: "workflow"
        case .qlikSharing, .fylr: nil
        }
    }

    /// Every ordered pair of two different products.
    public static var pairs: [(source: Product, target: Product)] {
        Product.allCases.flatMap { source in
            Product.allCases.filter { $0 != source }.map { (source, $0) }
        }
    }
}

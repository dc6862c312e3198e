/// How each product names its actions, targets and delivery channels, in taskgate's canonical
/// terms — vocabulary as data (DESIGN.md §4), loaded from `mappings/vocabulary.yaml` at the edge.
///
/// Code holds what an action or a channel means; this table holds what each product calls it. A
/// new product spelling is a data change.
public struct Vocabulary: Hashable, Sendable {
    /// Per product, its action terms, in file order.
    public var actions: [Product: [ActionTerm]]
    /// Per product, its delivery-channel terms, in file order.
    public var deliveries: [Product: [DeliveryTerm]]

    /// Creates a vocabulary.
    public init(actions: [Product: [ActionTerm]] = [:], deliveries: [Product: [DeliveryTerm]] = [:]) {
        self.actions = actions
        self.deliveries = deliveries
    }

    /// The canonical action a product's values name: the first term whose values all match.
    public func action(of product: Product, values: [String: String]) -> ActionTerm? {
        actions[product]?.first { term in term.values.allSatisfy { values[$0.key] == $0.value } }
    }

    /// The product's first term for a canonical action on a canonical target kind.
    public func action(in product: Product, action: String, target: String?) -> ActionTerm? {
        actions[product]?.first { $0.action == action && (target == nil || $0.target == target) }
    }

    /// The canonical channel a product's channel key names.
    public func delivery(of product: Product, key: String) -> DeliveryTerm? {
        deliveries[product]?.first { $0.key == key }
    }

    /// The product's channel key for a canonical channel.
    public func delivery(in product: Product, channel: DeliveryChannel) -> DeliveryTerm? {
        deliveries[product]?.first { $0.channel == channel }
    }
}

/// One product's name for a canonical action on a kind of target.
public struct ActionTerm: Hashable, Sendable {
    /// The product's fields and values that name the action: `["taskType": "RptExport"]`.
    public var values: [String: String]
    /// The canonical action: `export`, `refresh`, `run-workflow`.
    public var action: String
    /// The canonical kind of target: `report`, `app`, `workflow`.
    public var target: String
    /// The output format the term implies, if any (Qlik sharing `subType`).
    public var format: String?

    /// Creates a term.
    public init(values: [String: String], action: String, target: String, format: String? = nil) {
        self.values = values
        self.action = action
        self.target = target
        self.format = format
    }
}

/// One product's name for a delivery channel.
public struct DeliveryTerm: Hashable, Sendable {
    /// The product's key: Wyn `emailAttach`, Qlik `sharepoint`.
    public var key: String
    /// What it is in canonical terms.
    public var channel: DeliveryChannel

    /// Creates a term.
    public init(key: String, channel: DeliveryChannel) {
        self.key = key
        self.channel = channel
    }
}

/// A delivery channel in canonical terms.
public enum DeliveryChannel: Hashable, Sendable, CustomStringConvertible {
    /// E-mail, carrying the output as the mode says.
    case email(EmailDelivery.Mode)
    /// A store of the named kind.
    case storage(String)
    /// An in-app notice of the named kind.
    case notification(String)

    /// `email/attachment`, `storage/smb`, `notification/online-link`.
    public var description: String {
        switch self {
        case .email(let mode): "email/\(mode.rawValue)"
        case .storage(let kind): "storage/\(kind)"
        case .notification(let kind): "notification/\(kind)"
        }
    }
}

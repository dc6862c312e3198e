public import TaskgateCore

/// The shape of the ids a front product hands out, so that a mapped id looks native to its clients.
public enum FrontIDStyle: Hashable, Sendable, CaseIterable {
    /// A lower-case RFC 9562 UUID, `3f2c8a9e-…`.
    case uuid
    /// 24 lower-case hex digits, as Qlik's object ids (`5da5825325dc9a0dd0260af9`).
    case hex24
    /// A positive integer, counted per front product from 1.
    case integer

    /// The style of a product's task ids, from the vendor digests: fylr numbers its objects; Qlik sharing
    /// ids are 24-hex (qlik-sharing.md, "Ids"); Qlik scheduling and vCO ids are UUIDs. Wyn's digest shows no
    /// task id (wyn.md: "the ID of a created task is not shown anywhere"), so Wyn gets UUIDs, what its
    /// other ids look like.
    public static func style(of product: Product) -> FrontIDStyle {
        switch product {
        case .fylr: .integer
        case .qlikSharing: .hex24
        case .qlikScheduling, .vco, .wyn: .uuid
        }
    }

    /// A new random id of this style, for a store to try: 24 hex digits for ``hex24``, a UUID otherwise.
    /// ``integer`` ids are counted by the store, not drawn; asked for one anyway, this draws a UUID.
    public func drawnID() -> String {
        self == .hex24 ? RandomHex.text(digits: 24) : RandomUUID.text()
    }
}

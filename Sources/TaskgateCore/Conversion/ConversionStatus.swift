/// The verdict of a conversion.
public enum ConversionStatus: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The target fires at exactly the source's instants over the verification horizon (proved).
    case exact
    /// The target was written but fires differently somewhere; the differences are listed.
    case lossy
    /// Nothing useful can be written in the target; the reason says why.
    case impossible

    /// `exact`, `lossy` or `impossible`.
    public var description: String { rawValue }
}

import Foundation
import TaskgateCore
import TaskgateMappings

/// The zone names the command line accepts: IANA names, tzdb aliases and Windows zone ids,
/// resolved through the mapping files when they were found.
struct ZoneLookup: Sendable {
    let resolver: ZoneResolver
    /// Said after an unknown zone when no mapping files were found, so that a Windows id that
    /// fails says why.
    let missingMappingsNote: String?

    /// Loads the mapping files found by `locator`; without them only the system's zone names work.
    static func load(_ locator: MappingsLocator) throws -> ZoneLookup {
        guard let directory = try locator.locate() else {
            return ZoneLookup(
                resolver: ZoneResolver(),
                missingMappingsNote: "no mappings folder was found to resolve Windows zone ids and aliases "
                    + "(searched \(locator.searchedPlaces)); give one with --mappings DIR or $\(MappingsLocator.environmentVariable)"
            )
        }
        return ZoneLookup(resolver: try ZoneMappingLoader.resolver(in: directory), missingMappingsNote: nil)
    }

    /// The IANA zone a name stands for.
    ///
    /// - Throws: ``UnknownTimeZoneError``: `unknown time zone 'Foo/Bar'; expected an IANA name such
    ///   as Europe/Berlin or a Windows zone id`, plus where taskgate looked for the mapping files
    ///   when it found none.
    func resolve(_ name: String) throws(UnknownTimeZoneError) -> String {
        do {
            return try resolver.resolve(name)
        } catch {
            guard let missingMappingsNote else { throw error }
            var explained = error
            explained.expected += "; " + missingMappingsNote
            throw explained
        }
    }
}

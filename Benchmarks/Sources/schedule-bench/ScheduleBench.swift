import Foundation
import TaskgateCore

/// Measures taskgate's side of the schedule benchmarks, in process, on a corpus file:
///
/// - `next CORPUS COUNT SECONDS`: each line `DIALECT<TAB>TEXT<TAB>ZONE<TAB>START<TAB>AFTER`; every
///   expression is parsed once (untimed), then its next COUNT instants after AFTER are enumerated,
///   pass after pass over the corpus until SECONDS have passed.
/// - `convert CORPUS WORKERS SECONDS`: each line `FROM<TAB>TO<TAB>TEXT<TAB>ZONE<TAB>START`; every
///   line is parsed once (untimed), then converted with proof (the default horizon), on WORKERS
///   threads, pass after pass until SECONDS have passed.
///
/// - `dump CORPUS 0 0`: every conversion in full, one line each (to compare two builds).
///
/// Prints one JSON object: operations, instants, seconds and their rates.
@main
struct ScheduleBench {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 5, let count = Int(arguments[3]), let seconds = Double(arguments[4]) else {
            FileHandle.standardError.write(Data("usage: schedule-bench next|convert CORPUS N SECONDS\n".utf8))
            exit(2)
        }
        let lines = try String(contentsOfFile: arguments[2], encoding: .utf8).split(separator: "\n").map(String.init)
        switch arguments[1] {
        case "next": try next(lines, count: count, seconds: seconds)
        case "convert": try await convert(lines, workers: count, seconds: seconds)
        case "dump": dump(lines)
        default:
            FileHandle.standardError.write(Data("unknown mode \(arguments[1])\n".utf8))
            exit(2)
        }
    }

    static let reference = Instant(secondsSinceEpoch: 1_767_225_600)  // 2026-01-01T00:00:00Z

    static func context(zone: String, start: String) -> DialectContext {
        DialectContext(zone: zone, start: start == "-" ? nil : LocalDateTime(parsing: start), reference: reference)
    }

    static func next(_ lines: [String], count: Int, seconds: Double) throws {
        var work: [(Schedule, Instant)] = []
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, let dialect = Dialect(rawValue: fields[0]),
                let after = Instant(parsingRFC3339: fields[4]),
                let schedule = try? dialect.parse([fields[1]], context: context(zone: fields[2], start: fields[3]))
            else { continue }
            work.append((schedule, after))
        }
        var zones = ZoneCatalog()
        for (schedule, _) in work { _ = zones.rules(for: schedule.zone) }
        var queries = 0
        var instants = 0
        let clock = ContinuousClock()
        let start = clock.now
        var elapsed = Duration.zero
        repeat {
            for (schedule, after) in work {
                var occurrences = try schedule.occurrences(after: after, zones: &zones)
                var produced = 0
                while produced < count, occurrences.next() != nil { produced += 1 }
                instants += produced
                queries += 1
            }
            elapsed = clock.now - start
        } while elapsed < .seconds(seconds)
        report(operations: queries, instants: instants, elapsed: elapsed, extra: ["expressions": work.count])
    }

    /// The conversions of a corpus (FROM, TO, TEXT, ZONE, START, tab-separated), each with its line;
    /// lines whose source does not read are left out.
    static func conversions(_ lines: [String]) -> [(line: String, schedule: Schedule, target: Dialect)] {
        lines.compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, let from = Dialect(rawValue: fields[0]), let to = Dialect(rawValue: fields[1]),
                let schedule = try? from.parse(
                    fields[2].components(separatedBy: " | "), context: context(zone: fields[3], start: fields[4]))
            else { return nil }
            return (line, schedule, to)
        }
    }

    static func convert(_ lines: [String], workers: Int, seconds: Double) async throws {
        let work = conversions(lines).map { ($0.schedule, $0.target) }
        let shared = work
        let clock = ContinuousClock()
        let start = clock.now
        let counts = await withTaskGroup(of: (Int, [String: Int]).self) { group in
            for worker in 0..<workers {
                group.addTask {
                    let converter = ScheduleConverter()
                    var done = 0
                    var statuses: [String: Int] = [:]
                    var index = worker
                    while clock.now - start < .seconds(seconds) {
                        let (schedule, target) = shared[index % shared.count]
                        let conversion = converter.convert(schedule, to: target, now: reference)
                        statuses[conversion.status.rawValue, default: 0] += 1
                        done += 1
                        index += workers
                    }
                    return (done, statuses)
                }
            }
            var total = 0
            var statuses: [String: Int] = [:]
            for await (done, counted) in group {
                total += done
                statuses.merge(counted, uniquingKeysWith: +)
            }
            return (total, statuses)
        }
        var extra = counts.1
        extra["lines"] = work.count
        report(operations: counts.0, instants: 0, elapsed: clock.now - start, extra: extra)
    }

    /// `dump CORPUS 0 0`: every conversion of the corpus in full (status, text, report, reason,
    /// notes), one line each, for comparing two builds' results.
    static func dump(_ lines: [String]) {
        let converter = ScheduleConverter()
        for (line, schedule, target) in conversions(lines) {
            print("\(line)\t\(converter.convert(schedule, to: target, now: reference))")
        }
    }

    static func report(operations: Int, instants: Int, elapsed: Duration, extra: [String: Int]) {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var fields = [
            "\"operations\": \(operations)", "\"instants\": \(instants)", "\"seconds\": \(seconds)",
            "\"operationsPerSecond\": \(Double(operations) / seconds)",
            "\"instantsPerSecond\": \(Double(instants) / seconds)",
        ]
        for (key, value) in extra.sorted(by: { $0.key < $1.key }) { fields.append("\"\(key)\": \(value)") }
        print("{" + fields.joined(separator: ", ") + "}")
    }
}

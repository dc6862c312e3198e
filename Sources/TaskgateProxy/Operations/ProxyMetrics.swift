import Metrics
public import Prometheus

/// The proxy's metrics, kept in a Prometheus registry of its own (no global bootstrap: a library
/// never takes the process-wide metrics system).
public final class ProxyMetrics: Sendable {
    /// The registry `/metrics` writes out.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory

    /// Creates empty metrics.
    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
            .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .seconds(2), .seconds(5),
        ]
        self.factory = factory
    }

    /// Counts a finished front request and records its latency.
    func request(route: String, method: String, status: Int, duration: Duration) {
        Counter(
            label: "taskgate_requests_total",
            dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory
        ).increment()
        Metrics.Timer(label: "taskgate_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            .record(duration: duration)
    }

    /// Records one upstream exchange's latency.
    func upstream(method: String, duration: Duration) {
        Metrics.Timer(label: "taskgate_upstream_duration_seconds", dimensions: [("method", method)], factory: factory)
            .record(duration: duration)
    }

    /// Counts a conversion by verdict and direction (`request`: front → upstream, `response`: back).
    func conversion(verdict: String, direction: String) {
        Counter(
            label: "taskgate_conversions_total", dimensions: [("verdict", verdict), ("direction", direction)],
            factory: factory
        ).increment()
    }

    /// The Prometheus text exposition.
    func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}

import BoxtributeServer
import Testing

@Suite("HTTP limits from the environment")
struct HTTPLimitsConfigurationTests {
    @Test("defaults when unset")
    func defaults() throws {
        let limits = try ServerConfiguration.fromEnvironment([:]).http
        #expect(limits == ServerConfiguration.HTTPLimits())
        #expect(limits.headerTimeout == .seconds(10))
        #expect(limits.bodyTimeout == .seconds(30))
        #expect(limits.idleTimeout == .seconds(60))
        #expect(limits.maxConnections == 1024)
        #expect(limits.drainTimeout == .seconds(25))
    }

    @Test("each variable sets its limit; fractions of seconds are allowed")
    func values() throws {
        let configuration = try ServerConfiguration.fromEnvironment([
            "HTTP_HEADER_TIMEOUT_SECONDS": "2.5", "HTTP_BODY_TIMEOUT_SECONDS": "7", "HTTP_IDLE_TIMEOUT_SECONDS": "0.5",
            "HTTP_MAX_CONNECTIONS": "12", "SHUTDOWN_DRAIN_SECONDS": "3", "MAX_REQUEST_BYTES": "4096",
        ])
        #expect(configuration.http.headerTimeout == .milliseconds(2500))
        #expect(configuration.http.bodyTimeout == .seconds(7))
        #expect(configuration.http.idleTimeout == .milliseconds(500))
        #expect(configuration.http.maxConnections == 12)
        #expect(configuration.http.drainTimeout == .seconds(3))
        #expect(configuration.maxRequestBytes == 4096)
    }

    @Test(
        "invalid values are a configuration error, not a silent default",
        arguments: [
            ("HTTP_HEADER_TIMEOUT_SECONDS", "soon"), ("HTTP_BODY_TIMEOUT_SECONDS", "0"),
            ("HTTP_IDLE_TIMEOUT_SECONDS", "-1"), ("HTTP_IDLE_TIMEOUT_SECONDS", "inf"), ("HTTP_MAX_CONNECTIONS", "0"),
            ("HTTP_MAX_CONNECTIONS", "1.5"), ("SHUTDOWN_DRAIN_SECONDS", "nan"), ("MAX_REQUEST_BYTES", "1MB"),
        ])
    func invalid(name: String, value: String) {
        #expect {
            _ = try ServerConfiguration.fromEnvironment([name: value])
        } throws: { error in
            (error as? ConfigurationError)?.message.contains(name) == true
        }
    }
}

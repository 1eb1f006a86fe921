#if MySQL
    import Foundation
    import Synchronization

    #if canImport(Glibc)
        import Glibc
    #elseif canImport(Darwin)
        import Darwin
    #endif

    /// A loopback TCP proxy in front of the test server that can stop forwarding: while paused,
    /// connections are accepted and bytes are read but held back, which is what a hung server
    /// (SIGSTOP, a stalled disk, a dead network path) looks like to a client. `resume()`
    /// forwards what was held and carries on.
    final class PausableTCPProxy: Sendable {
        /// The port the proxy listens on (127.0.0.1).
        let port: Int
        private let upstreamPort: Int
        private let listener: Int32
        private let paused = Atomic<Bool>(false)
        private let stopped = Atomic<Bool>(false)
        private let sockets = Mutex<Set<Int32>>([])

        /// Listens on a free loopback port and forwards to `127.0.0.1:upstreamPort`.
        init(upstreamPort: Int) throws {
            self.upstreamPort = upstreamPort
            let listener = socket(AF_INET, Self.streamType, 0)
            guard listener >= 0 else { throw ProxyError.socket("socket") }
            var yes: Int32 = 1
            setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
            var address = Self.loopback(port: 0)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0, listen(listener, 64) == 0 else {
                close(listener)
                throw ProxyError.socket("bind/listen")
            }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
            }
            self.listener = listener
            port = Int(UInt16(bigEndian: address.sin_port))
            Thread.detachNewThread { [self] in acceptLoop() }
        }

        /// Stops forwarding (bytes are held, connections stay open).
        func pause() { paused.store(true, ordering: .sequentiallyConsistent) }

        /// Forwards again, held bytes first.
        func resume() { paused.store(false, ordering: .sequentiallyConsistent) }

        /// Closes the listener and every connection.
        func stop() {
            guard !stopped.exchange(true, ordering: .sequentiallyConsistent) else { return }
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
            let open = sockets.withLock { sockets in
                defer { sockets.removeAll() }
                return sockets
            }
            for socket in open { shutdown(socket, Int32(SHUT_RDWR)) }
        }

        deinit { stop() }

        private func acceptLoop() {
            while !stopped.load(ordering: .sequentiallyConsistent) {
                let client = accept(listener, nil, nil)
                guard client >= 0 else {
                    if errno == EINTR { continue }
                    return
                }
                let upstream = socket(AF_INET, Self.streamType, 0)
                var address = Self.loopback(port: upstreamPort)
                let connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
                guard upstream >= 0, connected == 0 else {
                    close(client)
                    if upstream >= 0 { close(upstream) }
                    continue
                }
                sockets.withLock { $0.formUnion([client, upstream]) }
                // Each direction on its own thread; the last one to finish closes both sockets.
                let remaining = Countdown()
                let finish: @Sendable () -> Void = { [self] in
                    guard remaining.count.subtract(1, ordering: .sequentiallyConsistent).newValue == 0 else { return }
                    sockets.withLock {
                        _ = $0.remove(client); _ = $0.remove(upstream)
                    }
                    close(client)
                    close(upstream)
                }
                Thread.detachNewThread { [self] in
                    pump(from: client, to: upstream)
                    finish()
                }
                Thread.detachNewThread { [self] in
                    pump(from: upstream, to: client)
                    finish()
                }
            }
        }

        /// Copies bytes until either side closes; while paused, holds what it read.
        private func pump(from source: Int32, to destination: Int32) {
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                while paused.load(ordering: .sequentiallyConsistent) && !stopped.load(ordering: .sequentiallyConsistent)
                {
                    usleep(20_000)
                }
                var offset = 0
                while offset < count {
                    let written = buffer.withUnsafeBytes {
                        // MSG_NOSIGNAL: a client that gave up must not SIGPIPE the test process.
                        send(destination, $0.baseAddress?.advanced(by: offset), count - offset, Self.noSignal)
                    }
                    if written < 0 && errno == EINTR { continue }
                    guard written > 0 else {
                        shutdown(source, Int32(SHUT_RDWR))
                        return
                    }
                    offset += written
                }
            }
            // Half-close: the other direction learns that this side is done.
            shutdown(destination, Int32(SHUT_WR))
        }

        private static func loopback(port: Int) -> sockaddr_in {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            return address
        }

        #if canImport(Glibc)
            private static let streamType = Int32(SOCK_STREAM.rawValue)
            private static let noSignal = Int32(MSG_NOSIGNAL)
        #else
            private static let streamType = SOCK_STREAM
            private static let noSignal: Int32 = 0
        #endif

        private final class Countdown: Sendable {
            let count = Atomic<Int>(2)
        }

        enum ProxyError: Error {
            case socket(String)
        }
    }
#endif

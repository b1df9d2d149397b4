import FlyingFox

/// Tells open pages that the site changed, over WebSocket: each client gets the current version when it
/// connects and every new one after; the page reloads when the version differs from the one it first saw.
actor ReloadBroadcaster {
    private var clients: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private var version = "0"

    func subscribe() -> AsyncStream<String> {
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.yield(version)
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        clients[id] = continuation
        return stream
    }

    func publish(_ version: Int) {
        self.version = String(version)
        for client in clients.values { client.yield(self.version) }
    }

    var count: Int { clients.count }

    private func remove(_ id: Int) {
        clients[id] = nil
    }
}

/// One browser's reload socket. A browser that goes away ends its stream and is forgotten.
struct ReloadSocket: WSMessageHandler {
    let broadcaster: ReloadBroadcaster

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let updates = await broadcaster.subscribe()
        return AsyncStream { continuation in
            let forward = Task {
                for await version in updates { continuation.yield(.text(version)) }
                continuation.finish()
            }
            let drain = Task {
                for await _ in client {}
                forward.cancel()
                continuation.finish()
            }
            continuation.onTermination = { _ in
                forward.cancel()
                drain.cancel()
            }
        }
    }
}

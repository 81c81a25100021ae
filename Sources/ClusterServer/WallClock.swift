import Synchronization

/// The wall clock a server's cluster time follows: how much real time has passed since the
/// clock started. The server reads it before every request.
public protocol WallClock: Sendable {
    /// The time since the clock started.
    func elapsed() -> Duration
}

/// The machine's monotonic clock, started when it is made.
public struct SystemWallClock: WallClock {
    private let started = ContinuousClock.now

    public init() {}

    public func elapsed() -> Duration {
        ContinuousClock.now - started
    }
}

/// A wall clock that moves only when told: tests drive a server's sync delays and expiries
/// with it instead of waiting for them.
public final class ManualWallClock: WallClock {
    private let time = Mutex<Duration>(.zero)

    public init() {}

    public func elapsed() -> Duration {
        time.withLock { $0 }
    }

    /// Moves the clock forward; a negative duration is ignored.
    public func advance(by duration: Duration) {
        guard duration > .zero else { return }
        time.withLock { $0 += duration }
    }
}

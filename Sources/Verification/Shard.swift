import Diagnostics

/// `--shard K/N`: the planned files whose path hashes to K-1 modulo N. A file's shard depends
/// only on its own path, so adding a file elsewhere never moves another one, and the shards of
/// one N split a run's planned files with no file in two of them.
public struct Shard: Hashable, Sendable {
    public var index: Int
    public var count: Int

    /// `K/N` with 1 ≤ K ≤ N; nil for anything else.
    public init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    public func contains(_ path: String) -> Bool {
        Int(StableHash.fnv1a(path.utf8) % UInt64(count)) == index - 1
    }
}

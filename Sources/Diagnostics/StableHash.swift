/// A hash that is the same on every run and every machine (FNV-1a, 64 bits), for what must not
/// move between runs: shard assignment, baseline fingerprints. Swift's `Hasher` is seeded per
/// process, so it cannot serve.
public enum StableHash {
    @inlinable
    public static func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        bytes.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}

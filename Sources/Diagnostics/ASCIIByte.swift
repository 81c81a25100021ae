/// ASCII classes of UTF-8 bytes, for the stages that read text as bytes. A byte of a
/// multi-byte character is never in any of them.
public enum ASCIIByte {
    @inlinable public static func isUpper(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "A") < 26 }
    @inlinable public static func isLower(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "a") < 26 }
    @inlinable public static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// The byte with an ASCII capital made small; every other byte as it is.
    @inlinable public static func lowercased(_ byte: UInt8) -> UInt8 { byte | (isUpper(byte) ? 0x20 : 0) }
}

import CLibFuzzer
import Foundation

/// The fuzz entry point every target hands to libFuzzer: the bytes of one input.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Runs libFuzzer over `callback` with this process's arguments (libFuzzer flags, corpus
/// folders), then exits with libFuzzer's exit code.
///
/// SwiftPM links an executable target with its own `main` (it renames the module's entry
/// point), so libFuzzer's `main` is never linked: each target's `@main` calls this instead.
public func runLibFuzzer(_ callback: FuzzCallback) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
}

/// Traps with `message` when `condition` is false, so libFuzzer records the input as a crash.
public func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { preconditionFailure(message()) }
}

/// Copies the bytes libFuzzer hands over (`data` is nil for the empty input).
public func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

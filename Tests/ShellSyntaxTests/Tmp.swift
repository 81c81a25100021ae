import Foundation
import Testing
@testable import ShellSyntax
@Test func tmpBashN() throws {
    var generator = FuzzTests.Generator(state: 7)
    let alphabet = ["a", "b", " ", " ", "\n", "'", "\"", "\\", "$", "(", ")", "`", "|", "&", ";", ">", "#", "=", "{", "}", "if ", "then ", "fi", "do ", "done", "for x in y", "$(", "${x}", "<A>"]
    var lines: [String] = []
    var texts: [String] = []
    for _ in 0..<3000 {
        var text = ""
        for _ in 0..<(1 + generator.next(below: 12)) { text += alphabet[generator.next(below: alphabet.count)] }
        texts.append(text)
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bashn")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var mismatches = 0
    for (n, text) in texts.enumerated() {
        let file = directory.appendingPathComponent("t\(n).sh")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/bash")
        process.arguments = ["--norc", "--noprofile", "-n", file.path]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run(); process.waitUntilExit()
        let bashOK = process.terminationStatus == 0
        let script = lex(text)
        let lexOK = script.diagnostics.isEmpty
        if bashOK != lexOK {
            mismatches += 1
            lines.append("MISMATCH bash=\(bashOK) lex=\(lexOK) \(text.debugDescription) \(script.diagnostics.map(\.message))")
        }
    }
    print(lines.joined(separator: "\n"))
    print("MISMATCHES \(mismatches)")
    #expect(Bool(true))
}

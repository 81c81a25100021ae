import DocExtraction
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a page from disk: a regular file takes one read when its size is known, and
/// whatever else is named on the command line (a pipe) is read until it ends.
@Suite struct FileReadingTests {
    private static func block(_ number: Int) -> String { "```sh\ninfluxctl token get TOKEN_ID_\(number)\n```\n\n" }

    @Test(arguments: [0, 1, 40, 4_096 / 40, 300])
    func aRegularFileIsReadWhole(blockCount: Int) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-read-\(UUID().uuidString).md").path
        try (0..<blockCount).map(Self.block).joined().write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let page = try PageExtractor.extract(fileAt: path, options: ExtractionOptions())
        #expect(page.blocks.count == blockCount)
        #expect(page.blocks.last?.lines.first?.text == (blockCount > 0 ? "influxctl token get TOKEN_ID_\(blockCount - 1)" : nil))
    }

    @Test func aPipeIsReadToItsEndThoughAReadComesBackShort() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-pipe-\(UUID().uuidString)").path
        try #require(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        // The writer pauses between the two halves, so the reader's first read returns only the first.
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.write(Data(Self.block(0).utf8))
            Thread.sleep(forTimeInterval: 0.1)
            handle.write(Data(Self.block(1).utf8))
            try? handle.close()
        }
        writer.start()
        let page = try PageExtractor.extract(fileAt: path, options: ExtractionOptions())
        #expect(page.blocks.map { $0.lines.first?.text } == ["influxctl token get TOKEN_ID_0", "influxctl token get TOKEN_ID_1"])
    }
}

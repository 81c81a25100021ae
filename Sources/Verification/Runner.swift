import Dispatch
import DocExtraction
import Foundation
import Synchronization

/// Checks many files, in parallel, with a report whose order does not depend on scheduling.
public enum Runner {
    /// Finds the Markdown files under `paths` and verifies each one; unreadable paths become
    /// input errors of the run, never a crash.
    /// - Parameters:
    ///   - select: keeps the files of this run (a shard); every file by default.
    ///   - progress: called after each file with the number done and the total, from any thread.
    public static func check(paths: [String], options: VerificationOptions, jobs: Int, measureTime: Bool = true,
                             select: (String) -> Bool = { _ in true },
                             progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) -> RunReport {
        let clock = ContinuousClock()
        let started = clock.now
        var inputErrors: [InputError] = []
        var files: [String] = []
        for path in paths {
            do {
                files.append(contentsOf: try MarkdownFiles.find(in: [path]))
            } catch {
                inputErrors.append(InputError(file: path, position: nil, message: reason(error)))
            }
        }
        files = MarkdownFiles.uniqueInByteOrder(files).filter(select)
        let total = files.count
        let done = Atomic<Int>(0)
        let pages = parallelMap(files, jobs: jobs) { file in
            let page = verifyFile(file, options: options)
            progress(done.wrappingAdd(1, ordering: .relaxed).newValue, total)
            return page
        }
        let elapsed = clock.now - started
        let milliseconds = measureTime ? Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000) : 0
        return RunReport(influxctlVersion: options.release.description, pages: pages, inputErrors: inputErrors, durationMs: milliseconds)
    }

    /// Reads and verifies one file; a file that cannot be read gives a page with an input error.
    public static func verifyFile(_ file: String, options: VerificationOptions) -> PageReport {
        do {
            let page = try PageExtractor.extract(fileAt: file, options: options.extraction)
            return PageScenario.verify(page, options: options)
        } catch {
            return PageReport(path: file, influxctlVersion: options.release.description, blocks: [], findings: [],
                              inputErrors: [InputError(file: file, position: nil, message: reason(error))])
        }
    }

    /// What went wrong with a path, without repeating the path.
    private static func reason(_ error: any Error) -> String {
        switch error as? ExtractionError {
        case .unreadable(_, let reason): "cannot read: \(reason)"
        case .noMarkdown: "no Markdown files (*.md) in this folder"
        case nil: "\(error)"
        }
    }

    /// Verifies a page already in memory, as if it were the file `path`.
    public static func verify(path: String, contents: [UInt8], options: VerificationOptions) -> PageReport {
        PageScenario.verify(PageExtractor.extract(path: path, contents: contents, options: options.extraction), options: options)
    }

    /// `transform` over `items` on up to `jobs` threads; results keep the order of `items`.
    public static func parallelMap<Item: Sendable, Result: Sendable>(_ items: [Item], jobs: Int, _ transform: @escaping @Sendable (Item) -> Result) -> [Result] {
        let workers = max(1, min(jobs, items.count))
        if workers == 1 { return items.map(transform) }
        let next = Atomic<Int>(0)
        let results = Mutex<[Result?]>(Array(repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < items.count else { return }
                let result = transform(items[index])
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}

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
        var pages: [PageReport] = []
        var inputErrors: [InputError] = []
        let milliseconds = check(paths: paths, options: options, jobs: jobs, measureTime: measureTime, select: select, progress: progress,
                                 start: { inputErrors = $0 }, page: { pages.append($0) })
        return RunReport(influxctlVersion: options.release.description, pages: pages, inputErrors: inputErrors, durationMs: milliseconds)
    }

    /// `check(paths:options:jobs:measureTime:select:progress:)` handing each page over as soon
    /// as it and every page before it are verified, so a caller can write its report and let
    /// it go: `start` gets the paths that could not be read, then `page` each page in file
    /// order, on the calling thread. Returns the run's wall time in milliseconds (0 when not
    /// measured).
    public static func check(paths: [String], options: VerificationOptions, jobs: Int, measureTime: Bool = true,
                             select: (String) -> Bool = { _ in true },
                             progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in },
                             start: ([InputError]) -> Void, page: (PageReport) -> Void) -> Int {
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
        start(inputErrors)
        let units = HugoPlan(files: files, includeDrafts: options.extraction.includeDrafts, jobs: jobs).units
        let total = units.count
        let done = Atomic<Int>(0)
        orderedMap(units, jobs: jobs, { unit in
            let report = verify(unit, options: options)
            progress(done.wrappingAdd(1, ordering: .relaxed).newValue, total)
            return report
        }, consume: page)
        let elapsed = clock.now - started
        return measureTime ? Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000) : 0
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

    /// Verifies a file as the plan reads it: as itself, or once per product that publishes it,
    /// one finding standing for every reading that saw it.
    static func verify(_ unit: HugoPlan.Unit, options: VerificationOptions) -> PageReport {
        var report: PageReport
        if unit.readings.count == 1, let only = unit.readings.first, only.pages.isEmpty {
            var readingOptions = options
            readingOptions.extraction.product = only.product
            report = verifyFile(unit.file, options: readingOptions)
            if let product = only.product {
                for index in report.blocks.indices { report.blocks[index].product = product.description }
            }
        } else {
            let contents: [UInt8]
            do {
                contents = try PageExtractor.contents(of: unit.file)
            } catch {
                return PageReport(path: unit.file, influxctlVersion: options.release.description, blocks: [], findings: unit.siteFindings,
                                  inputErrors: [InputError(file: unit.file, position: nil, message: reason(error))])
            }
            let readings = unit.readings.map { reading in
                var readingOptions = options
                readingOptions.extraction.product = reading.product
                return (reading, verify(path: unit.file, contents: contents, options: readingOptions))
            }
            report = PublishedReadings.merged(readings)
        }
        if !unit.siteFindings.isEmpty {
            report.findings = (report.findings + unit.siteFindings).sorted { ($0.range.start, $0.rule.id, $0.message) < ($1.range.start, $1.rule.id, $1.message) }
        }
        return report
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

    /// `transform` over `items` on up to `jobs` worker threads, each result handed to `consume`
    /// on the calling thread in the order of `items`. Workers run at most `2 × jobs` items
    /// ahead of `consume`, so results waiting for a slow item before them stay few.
    public static func orderedMap<Item: Sendable, Result: Sendable>(_ items: [Item], jobs: Int, _ transform: @escaping @Sendable (Item) -> Result,
                                                                    consume: (Result) -> Void) {
        let workers = max(1, min(jobs, items.count))
        if workers == 1 {
            for item in items { consume(transform(item)) }
            return
        }
        let state = OrderedResults<Result>(room: 2 * workers)
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                while let index = state.take(below: items.count) {
                    state.finish(index, with: transform(items[index]))
                }
            }
        }
        for index in items.indices {
            consume(state.wait(for: index))
        }
        group.wait()
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

/// What `Runner.orderedMap`'s workers share with the thread that consumes their results.
private final class OrderedResults<Result: Sendable>: Sendable {
    private let next = Atomic<Int>(0)
    private let finished = Mutex<[Int: Result]>([:])
    /// Signalled once per finished result.
    private let arrived = DispatchSemaphore(value: 0)
    /// One permit per item that may be taken before the consumer has had the ones before it.
    private let room: DispatchSemaphore

    init(room: Int) {
        self.room = DispatchSemaphore(value: room)
    }

    /// The next item for a worker, once there is room for it; nil when none is left.
    func take(below count: Int) -> Int? {
        room.wait()
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < count else {
            room.signal()
            return nil
        }
        return index
    }

    func finish(_ index: Int, with result: Result) {
        finished.withLock { $0[index] = result }
        arrived.signal()
    }

    /// The result of item `index`, waiting for it; its permit goes back to the workers.
    func wait(for index: Int) -> Result {
        while true {
            if let result = finished.withLock({ $0.removeValue(forKey: index) }) {
                room.signal()
                return result
            }
            arrived.wait()
        }
    }
}

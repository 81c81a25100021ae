import Dispatch
import DocExtraction
import Foundation
import Synchronization

/// Checks many files, in parallel, with a report whose order does not depend on scheduling.
public enum Runner {
    /// Finds the Markdown files under `paths`, plans how Hugo publishes each and verifies each
    /// planned file; unreadable paths become input errors of the run, never a crash.
    /// - Parameters:
    ///   - select: keeps the planned files of this run (a shard); every file by default. The
    ///     plan is made over all files first, so a shared file is read in exactly one shard.
    ///   - changed: when given, only the planned files these changed files affect are checked
    ///     (`affected(by:in:)`).
    ///   - progress: called after each file with the number done and the total, from any thread.
    public static func check(paths: [String], context: RunContext, measureTime: Bool = true,
                             select: (String) -> Bool = { _ in true }, changed: Set<String>? = nil,
                             progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) -> RunReport {
        var pages: [PageReport] = []
        var inputErrors: [InputError] = []
        let milliseconds = check(paths: paths, context: context, measureTime: measureTime, select: select, changed: changed, progress: progress,
                                 start: { inputErrors = $0 }, page: { pages.append($0) })
        return RunReport(influxctlVersion: context.release.description, pages: pages, inputErrors: inputErrors, durationMs: milliseconds)
    }

    /// `check(paths:context:measureTime:select:progress:)` handing each page over as soon
    /// as it and every page before it are verified, so a caller can write its report and let
    /// it go: `start` gets the paths that could not be read, then `page` each page in file
    /// order, on the calling thread. Returns the run's wall time in milliseconds (0 when not
    /// measured).
    public static func check(paths: [String], context: RunContext, measureTime: Bool = true,
                             select: (String) -> Bool = { _ in true }, changed: Set<String>? = nil,
                             progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in },
                             start: ([InputError]) -> Void, page: (PageReport) -> Void) -> Int {
        let clock = ContinuousClock()
        let started = clock.now
        let readAhead = APISpecLibrary(readingAheadFor: paths)
        let (plan, inputErrors) = plan(paths: paths, context: context)
        var withSpecs = context
        withSpecs.apiSpecs = APISpecLibrary(plan: plan, readAhead: readAhead)
        let context = withSpecs
        start(inputErrors)
        let touched = changed.map { Self.affected(by: $0, in: plan) }
        let units = plan.units.filter { unit in select(unit.file) && (touched?.contains(unit.file) ?? true) }
        let total = units.count
        let done = Atomic<Int>(0)
        orderedMap(units, jobs: context.jobs, { unit in
            let report = verify(unit, context: context)
            progress(done.wrappingAdd(1, ordering: .relaxed).newValue, total)
            return report
        }, consume: page)
        let elapsed = clock.now - started
        return measureTime ? Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000) : 0
    }

    /// The planned files that files changed on disk affect: a changed file itself, a shared file
    /// read on behalf of a changed page, and every page that publishes a changed shared file.
    /// Paths are compared as absolute, standardized paths, however the run spells them.
    public static func affected(by changed: Set<String>, in plan: SitePlan) -> Set<String> {
        func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        let changed = Set(changed.map(absolute))
        var affected: Set<String> = []
        for unit in plan.units {
            let publishers = unit.readings.flatMap(\.publishers)
            if changed.contains(absolute(unit.file)) {
                affected.insert(unit.file)
                affected.formUnion(publishers)
            } else if publishers.contains(where: { changed.contains(absolute($0)) }) {
                affected.insert(unit.file)
            }
        }
        return affected
    }

    /// The plan of the Markdown files under `paths`, and the paths that could not be read.
    public static func plan(paths: [String], context: RunContext) -> (SitePlan, [InputError]) {
        var inputErrors: [InputError] = []
        var files: [String] = []
        var listings: [String: [String]] = [:]
        for path in paths {
            do {
                let found = try MarkdownFiles.find(in: [path])
                files.append(contentsOf: found)
                listings[path] = found
            } catch {
                inputErrors.append(InputError(file: path, position: nil, message: reason(error)))
            }
        }
        var plan = SitePlan(files: MarkdownFiles.uniqueInByteOrder(files).filter { !context.settings.isExcluded($0) },
                            includeUnpublished: context.extraction.includeDrafts, jobs: context.jobs, listings: listings)
        plan.removeUnits { context.settings.isExcluded($0.file) }
        return (plan, inputErrors)
    }

    /// Verifies one file as `check` would, as the plan of that file alone reads it (its
    /// products, the pages that publish it): what `docverify explain` shows.
    public static func verifyFile(_ file: String, context: RunContext) -> PageReport {
        let (plan, inputErrors) = plan(paths: [file], context: context)
        if let problem = inputErrors.first {
            return PageReport(path: file, influxctlVersion: context.release.description, blocks: [], findings: [], inputErrors: [problem])
        }
        guard let unit = plan.unit(for: file) ?? plan.units.first else {
            return PageReport(path: file, influxctlVersion: context.release.description, blocks: [], findings: [], inputErrors: [])
        }
        var context = context
        context.apiSpecs = APISpecLibrary(plan: plan)
        return verify(unit, context: context)
    }

    /// The pages a planned file gives, one per reading, with the site's findings about it.
    public static func extract(_ unit: SitePlan.Unit, context: RunContext) throws -> [Page] {
        let contents = try PageExtractor.contents(of: unit.file)
        return unit.readings.map { reading in
            var page = PageExtractor.extract(path: unit.file, contents: contents, options: context.extraction, reading: reading)
            page.diagnostics = (unit.siteDiagnostics + page.diagnostics).sorted { $0.range.start < $1.range.start }
            return page
        }
    }

    /// Verifies a file as the plan reads it: as itself, or once per product that publishes it,
    /// one finding standing for every reading that saw it.
    static func verify(_ unit: SitePlan.Unit, context: RunContext) -> PageReport {
        var context = context
        context.release = context.release(for: unit.file)
        let siteFindings = context.leveled(unit.siteDiagnostics.map { Finding($0, file: unit.file, blockIndex: nil) }, file: unit.file)
        let contents: [UInt8]
        do {
            contents = try PageExtractor.contents(of: unit.file)
        } catch {
            return PageReport(path: unit.file, influxctlVersion: context.release.description, blocks: [], findings: siteFindings,
                              inputErrors: [InputError(file: unit.file, position: nil, message: reason(error))])
        }
        let readings = unit.readings.map { reading in
            var reading = reading
            if let product = context.settings.product(for: reading.publishers.first ?? unit.file) {
                reading.product = HugoProduct(product: nil, version: product)
            }
            return (reading, verify(path: unit.file, contents: contents, context: context, reading: reading))
        }
        var report = PublishedReadings.merged(readings)
        if !siteFindings.isEmpty {
            report.findings = (report.findings + siteFindings).sorted { ($0.range.start, $0.rule.id, $0.message) < ($1.range.start, $1.rule.id, $1.message) }
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

    /// Verifies a page already in memory, as if it were the file `path`, read as `reading` says
    /// (by default, as its own front matter says).
    public static func verify(path: String, contents: [UInt8], context: RunContext, reading: PageReading? = nil) -> PageReport {
        PageScenario.verify(PageExtractor.extract(path: path, contents: contents, options: context.extraction, reading: reading), options: context)
    }

    /// `transform` over `items` on up to `jobs` worker threads, each result handed to `consume`
    /// on the calling thread in the order of `items`. Workers run at most `lookahead × jobs`
    /// items ahead of `consume`: enough that one slow page does not leave the other workers
    /// idle, few enough that the results waiting for it stay small.
    static let lookahead = 64

    public static func orderedMap<Item: Sendable, Result: Sendable>(_ items: [Item], jobs: Int, _ transform: @escaping @Sendable (Item) -> Result,
                                                                    consume: (Result) -> Void) {
        let workers = max(1, min(jobs, items.count))
        if workers == 1 {
            for item in items { consume(transform(item)) }
            return
        }
        let state = OrderedResults<Result>(room: Self.lookahead * workers)
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

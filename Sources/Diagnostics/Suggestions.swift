/// "Did you mean" look-ups for misspelt commands, flags and values.
public enum Suggestions {
    /// The candidate closest to `word` by Damerau–Levenshtein distance (adjacent swaps count
    /// once; letter case is ignored), or nil when none is close enough. Close enough means at
    /// most a third of the word's length, with a floor of 1 and a cap of 3 edits. Ties go to
    /// the earlier candidate, so the answer is deterministic.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        let threshold = max(1, min(3, target.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            // The distance is at least the difference in length: skip what cannot be close.
            guard abs(candidate.unicodeScalars.count - target.count) <= threshold else { continue }
            let found = distance(target, Array(candidate.lowercased().unicodeScalars))
            if found <= threshold, found < (best?.distance ?? Int.max) {
                best = (candidate, found)
            }
        }
        return best?.candidate
    }

    /// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps
    /// of two adjacent characters each cost 1.
    public static func distance(_ lhs: String, _ rhs: String) -> Int {
        distance(Array(lhs.unicodeScalars), Array(rhs.unicodeScalars))
    }

    static func distance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var previousRow: [Int] = []
        var row = Array(0...rhs.count)
        for i in 1...lhs.count {
            let rowBefore = previousRow
            previousRow = row
            row = [i] + Array(repeating: 0, count: rhs.count)
            for j in 1...rhs.count {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                var value = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    value = min(value, rowBefore[j - 2] + 1)
                }
                row[j] = value
            }
        }
        return row[rhs.count]
    }
}

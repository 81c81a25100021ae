extension Lexer {
    /// Reads the bodies of the here-documents announced on the line just ended (the cursor is at
    /// the start of the next line), and leaves the cursor after the last delimiter line. A body
    /// whose delimiter never comes ends with the block.
    mutating func readPendingHereDocuments() throws(LexError) {
        let documents = pendingHereDocuments
        pendingHereDocuments = []
        for document in documents {
            let bodyStart = cursor
            var bodyEnd = cursor
            var resume = text.count
            var lineStart = cursor
            while lineStart < text.count {
                var lineEnd = lineStart
                while lineEnd < text.count, text.scalars[lineEnd] != "\n" { lineEnd += 1 }
                var contentStart = lineStart
                if document.stripsTabs {
                    while contentStart < lineEnd, text.scalars[contentStart] == "\t" { contentStart += 1 }
                }
                if text.scalars[contentStart..<lineEnd].elementsEqual(document.delimiter) {
                    resume = min(lineEnd + 1, text.count)
                    break
                }
                bodyEnd = min(lineEnd + 1, text.count)
                lineStart = lineEnd + 1
            }
            cursor = resume
            attach(try hereDocumentBody(document, from: bodyStart, to: bodyEnd), to: document)
        }
    }

    private mutating func hereDocumentBody(_ document: PendingHereDocument, from start: Int, to end: Int) throws(LexError) -> Word {
        var accumulator = WordAccumulator(expansionBudget: expansionBudget)
        defer { expansionBudget = accumulator.expansionBudget }
        var index = start
        while index < end {
            if document.stripsTabs {
                while index < end, text.scalars[index] == "\t" { index += 1 }
            }
            if document.isQuoted {
                var lineEnd = index
                while lineEnd < end, text.scalars[lineEnd] != "\n" { lineEnd += 1 }
                let next = min(lineEnd + 1, end)
                accumulator.appendVerbatim(index..<next, of: text)
                index = next
            } else {
                index = try readExpandingText(from: index, limit: end, context: .hereDocumentLine, into: &accumulator)
            }
        }
        return Word(raw: text.string(start, end), range: text.range(start, end), parts: wordParts(accumulator.finish()))
    }
}

import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one cmark document tree and frees it when released. Only `MarkdownWalker` reads it,
/// through `walk`, which never recurses (deep nesting must not overflow the stack).
final class CMarkDocument {
    private let root: OpaquePointer
    /// Added to cmark's line numbers: the text parsed began on line `lineOffset + 1`.
    private let lineOffset: Int
    /// Set when `bytes` held more image openers than `ImageOpenerGuard.limit`, which were then
    /// parsed as links: how many there were and the byte offset of the first.
    let imageOpenersReadAsLinks: (count: Int, first: Int)?

    /// Parses `bytes` (valid UTF-8 without NUL bytes) that start on line `lineOffset + 1` of
    /// the text they come from; nil only if cmark runs out of memory.
    init?(parsing bytes: ArraySlice<UInt8>, lineOffset: Int = 0) {
        let (parseable, neutralized) = ImageOpenerGuard.parseable(bytes)
        let parsed: OpaquePointer? = parseable.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let start = chars.baseAddress else { return cmark_parse_document("", 0, CMARK_OPT_DEFAULT) }
                return cmark_parse_document(start, chars.count, CMARK_OPT_DEFAULT)
            }
        }
        // Adjacent text nodes are left apart: the walker appends them one after the other,
        // as it would their consolidated text, without a second pass over the tree.
        guard let parsed else { return nil }
        root = parsed
        self.lineOffset = lineOffset
        imageOpenersReadAsLinks = neutralized
    }

    deinit {
        cmark_node_free(root)
    }

    /// Calls `visit` for every node in document order, entering and leaving containers.
    func walk(_ visit: (CMarkNode, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(CMarkNode(pointer: node, lineOffset: lineOffset), event == CMARK_EVENT_ENTER)
        }
    }
}

/// A borrowed view of one node, valid only inside `CMarkDocument.walk`.
struct CMarkNode {
    fileprivate let pointer: OpaquePointer
    fileprivate let lineOffset: Int

    enum Kind {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image, other
    }

    /// Whether the node is a block of the document (not inline content, not the document).
    var isBlock: Bool {
        switch kind {
        case .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak: true
        default: false
        }
    }

    var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default: .other
        }
    }

    var startLine: Int { line(cmark_node_get_start_line(pointer)) }
    /// 1-based byte column.
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { line(cmark_node_get_end_line(pointer)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// The literal content (code, HTML, text) as UTF-8 bytes.
    var literal: [UInt8] { Self.bytes(cmark_node_get_literal(pointer)) }
    /// The literal content without a copy, valid only inside `CMarkDocument.walk`.
    var literalBuffer: UnsafeBufferPointer<UInt8> {
        guard let string = cmark_node_get_literal(pointer) else { return UnsafeBufferPointer(start: nil, count: 0) }
        // CChar and UInt8 may alias (signed and unsigned forms of one integer type).
        return UnsafeBufferPointer(start: UnsafeRawPointer(string).assumingMemoryBound(to: UInt8.self), count: strlen(string))
    }
    var fenceInfo: [UInt8] { Self.bytes(cmark_node_get_fence_info(pointer)) }
    /// The sibling after this node.
    var next: CMarkNode? { cmark_node_next(pointer).map { CMarkNode(pointer: $0, lineOffset: lineOffset) } }
    /// The sibling before this node.
    var previous: CMarkNode? { cmark_node_previous(pointer).map { CMarkNode(pointer: $0, lineOffset: lineOffset) } }
    var parent: CMarkNode? { cmark_node_parent(pointer).map { CMarkNode(pointer: $0, lineOffset: lineOffset) } }

    /// A line number of cmark's in the text the parsed bytes come from (0, unknown, stays 0).
    private func line(_ cmarkLine: Int32) -> Int {
        cmarkLine > 0 ? Int(cmarkLine) + lineOffset : 0
    }

    private static func bytes(_ string: UnsafePointer<CChar>?) -> [UInt8] {
        guard let string else { return [] }
        return string.withMemoryRebound(to: UInt8.self, capacity: 1) { pointer in
            Array(UnsafeBufferPointer(start: pointer, count: strlen(string)))
        }
    }
}

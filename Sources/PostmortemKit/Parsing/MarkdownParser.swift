import CCmarkGFM
import Foundation

/// The one place that talks to cmark-gfm: parses a Markdown body and copies
/// the C tree into `MarkdownNode` values, freeing the C tree before returning.
///
/// Thread safety: Debian's cmark-gfm 0.29 keeps the *inline* extensions'
/// special characters (strikethrough, autolink) in one process-wide table,
/// so parsing with them on several threads at once silently drops their
/// output. Block extensions (table, tasklist, tagfilter) keep no such state.
/// `parse` therefore runs lock-free with block extensions only, and takes a
/// process-wide lock only when `inlineExtensions` is requested.
public struct MarkdownParser: Sendable {
    /// Whether to enable strikethrough and autolink (serialised; see above).
    public var inlineExtensions: Bool

    public init(inlineExtensions: Bool = false) {
        self.inlineExtensions = inlineExtensions
    }

    /// Parses `text` whose first line is line `firstLine` of the file.
    public func parse(_ text: String, firstLine: Int = 1) -> MarkdownNode {
        MarkdownParser.registerExtensions
        if inlineExtensions {
            MarkdownParser.inlineExtensionLock.lock()
            defer { MarkdownParser.inlineExtensionLock.unlock() }
            return parseUnlocked(text, firstLine: firstLine)
        }
        return parseUnlocked(text, firstLine: firstLine)
    }

    private static let inlineExtensionLock = NSLock()

    /// Registration mutates a global list, so it happens exactly once.
    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// cmark-gfm allocates from the parsing thread's `BumpArena`, and frees
    /// nothing: the arena takes all of it back once the tree is copied out.
    /// (cmark's own arena allocator is one per process, not per thread.)
    nonisolated(unsafe) private static let arenaAllocator: UnsafeMutablePointer<cmark_mem> = {
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(to: cmark_mem(
            calloc: { count, size in BumpArena.withCurrent { $0.allocate(count * size, zeroed: true) } },
            realloc: { pointer, size in BumpArena.withCurrent { $0.reallocate(pointer, to: size) } },
            free: { _ in }))
        return allocator
    }()

    private func parseUnlocked(_ text: String, firstLine: Int) -> MarkdownNode {
        // Neither the parser nor the tree is freed node by node: see `arenaAllocator`.
        defer { BumpArena.withCurrent { $0.reset() } }
        // CMARK_OPT_DEFAULT is safe mode: raw HTML is kept as nodes (we need the
        // disable comments) but never rendered; the renderer decides.
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, MarkdownParser.arenaAllocator) else {
            return MarkdownNode(kind: .document, start: .init(line: firstLine), end: .init(line: firstLine))
        }
        var names = ["table", "tasklist", "tagfilter"]
        if inlineExtensions { names += ["strikethrough", "autolink"] }
        for name in names {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                cmark_parser_feed(parser, pointer, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            return MarkdownNode(kind: .document, start: .init(line: firstLine), end: .init(line: firstLine))
        }
        let columns = ColumnMap(text: text)
        return convert(root, lineOffset: firstLine - 1, columns: columns, depth: 0)
    }

    /// Deeply nested input (thousands of `>`) must not overflow the stack; cmark
    /// itself limits nesting, and this keeps the Swift copy bounded too.
    private static let maxDepth = 200

    private func convert(_ node: OpaquePointer, lineOffset: Int, columns: ColumnMap, depth: Int) -> MarkdownNode {
        let startLine = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let start = SourceLocation(line: startLine + lineOffset,
                                   column: columns.scalarColumn(line: startLine, byteColumn: Int(cmark_node_get_start_column(node))))
        let end = SourceLocation(line: endLine + lineOffset,
                                 column: columns.scalarColumn(line: endLine, byteColumn: Int(cmark_node_get_end_column(node))))
        // The node is built once from its parts at the end: a node built
        // first and filled in was copied into the result and the original
        // released, a retain and a release per string and child list of
        // every node of every file.
        let kind = kind(of: node)
        var literal = ""
        switch kind {
        case .text, .code, .codeBlock, .htmlBlock, .htmlInline:
            if let text = cmark_node_get_literal(node) { literal = String(cString: text) }
        default:
            break
        }
        var children: [MarkdownNode] = []
        var child = depth < MarkdownParser.maxDepth ? cmark_node_first_child(node) : nil
        if child != nil {
            // One allocation per list of children instead of one per doubling.
            var count = 0
            while let current = child { count += 1; child = cmark_node_next(current) }
            children.reserveCapacity(count)
            child = cmark_node_first_child(node)
        }
        while let current = child {
            children.append(convert(current, lineOffset: lineOffset, columns: columns, depth: depth + 1))
            child = cmark_node_next(current)
        }
        // Inline nodes carry no positions in cmark-gfm 0.29; give them their block's.
        if start.line == lineOffset, let first = children.first?.start, let last = children.last?.end {
            return MarkdownNode(kind: kind, start: first, end: last, literal: literal, children: children)
        }
        return MarkdownNode(kind: kind, start: start, end: end, literal: literal, children: children)
    }

    /// Whether cmark names the node's type `name` (e.g. "table_cell").
    private func hasTypeName(_ node: OpaquePointer, _ name: StaticString) -> Bool {
        guard let type = cmark_node_get_type_string(node) else { return false }
        return name.withUTF8Buffer { expected in
            expected.withMemoryRebound(to: CChar.self) { strncmp(type, $0.baseAddress!, expected.count) == 0 && type[expected.count] == 0 }
        }
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)),
                         tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM:
            let isTask = hasTypeName(node, "tasklist")
            return .item(taskChecked: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil)
        case CMARK_NODE_CODE_BLOCK: return .codeBlock(info: string(cmark_node_get_fence_info(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
        default:
            // Extension nodes have dynamic type ids; their names are stable.
            // Compared as C strings: making a String of the name for every
            // table cell and list item allocated thousands per file.
            if hasTypeName(node, "table_cell") { return .tableCell }
            if hasTypeName(node, "table_row") || hasTypeName(node, "table_header") {
                return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
            }
            let name = string(cmark_node_get_type_string(node))
            switch name {
            case "table":
                let count = Int(cmark_gfm_extensions_get_table_columns(node))
                var alignments: [String] = []
                if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                    for index in 0..<count {
                        switch raw[index] {
                        case UInt8(ascii: "l"): alignments.append("left")
                        case UInt8(ascii: "c"): alignments.append("center")
                        case UInt8(ascii: "r"): alignments.append("right")
                        default: alignments.append("")
                        }
                    }
                }
                return .table(alignments: alignments)
            case "strikethrough": return .strikethrough
            default: return .other(name)
            }
        }
    }
}

/// Converts cmark's byte columns into Unicode-scalar columns, line by line.
/// Keeps only the byte offset where each line starts, so building it is one
/// pass over the bytes: line ends found with memchr, and each line checked
/// for non-ASCII bytes eight at a time (a branch per byte was 2 % of lint).
struct ColumnMap {
    private var text: String
    private var lineStarts: [Int] = [0]
    /// Per line (1-based, index 0 unused): whether it has a non-ASCII byte;
    /// on every other line a byte column is a scalar column.
    private var nonASCII: [Bool] = [false, false]

    init(text: String) {
        self.text = text
        var lineStarts = [0]
        var nonASCII = [false, false]
        self.text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            while true {
                let end = memchr(base + start, 10, bytes.count - start)
                    .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
                if ColumnMap.hasNonASCII(UnsafeBufferPointer(rebasing: bytes[start..<end])) { nonASCII[lineStarts.count] = true }
                guard end < bytes.count else { break }
                lineStarts.append(end + 1)
                nonASCII.append(false)
                start = end + 1
            }
        }
        self.lineStarts = lineStarts
        self.nonASCII = nonASCII
    }

    /// Whether any byte is 0x80 or above, read eight bytes at a time.
    static func hasNonASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var offset = 0
        while offset + 8 <= raw.count {
            if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return true }
            offset += 8
        }
        while offset < raw.count {
            if raw[offset] >= 0x80 { return true }
            offset += 1
        }
        return false
    }

    func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        guard nonASCII[line] else { return byteColumn }
        let start = lineStarts[line - 1]
        // `init` made the text contiguous (`withUTF8`), so the storage is always there.
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            let end = min(start + byteColumn - 1, bytes.count)
            // Count scalars by their lead bytes so a column inside a scalar still maps.
            return end - start - ColumnMap.continuationBytes(UnsafeBufferPointer(rebasing: bytes[min(start, end)..<end])) + 1
        } ?? byteColumn
    }

    /// How many bytes are UTF-8 continuation bytes (`10xxxxxx`), eight at a
    /// time: every byte of a line before a column was once tested in turn,
    /// 1.6 % of `lint` on the generated corpus, whose prose has dashes and
    /// arrows on most lines.
    static func continuationBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var offset = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while offset + 8 <= bytes.count {
                let chunk = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                // Bit 7 set and bit 6 clear: bit 6 shifted up one is compared with bit 7 of the same byte.
                let marks = chunk & ~(chunk << 1) & 0x8080_8080_8080_8080
                count &+= Int(truncatingIfNeeded: ((marks >> 7) &* 0x0101_0101_0101_0101) >> 56)
                offset += 8
            }
        }
        while offset < bytes.count {
            if bytes[offset] & 0xC0 == 0x80 { count += 1 }
            offset += 1
        }
        return count
    }
}

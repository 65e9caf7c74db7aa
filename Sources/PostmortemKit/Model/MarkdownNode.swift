/// One node of a parsed Markdown body, copied out of cmark-gfm into Swift
/// values so that no C pointer outlives the parser.
///
/// Lines are 1-based lines of the *whole file* (front matter included);
/// columns are 1-based and count Unicode scalars, like `SourceLocation`.
public struct MarkdownNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item(taskChecked: Bool?)
        case codeBlock(info: String)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table(alignments: [String])
        case tableRow(isHeader: Bool)
        case tableCell
        case text
        case softBreak
        case lineBreak
        case code
        case htmlInline
        case emphasis
        case strong
        case strikethrough
        // Boxed, so that every node is not as large as its largest kind.
        indirect case link(destination: String, title: String)
        indirect case image(source: String, title: String)
        case footnoteReference
        case other(String)
    }

    public var kind: Kind
    public var start: SourceLocation
    public var end: SourceLocation
    /// Text content of leaf nodes (text, code, code blocks, HTML).
    public var literal: String
    public var children: [MarkdownNode]

    public init(kind: Kind, start: SourceLocation, end: SourceLocation, literal: String = "", children: [MarkdownNode] = []) {
        self.kind = kind
        self.start = start
        self.end = end
        self.literal = literal
        self.children = children
    }

    public var isBlock: Bool { MarkdownNode.isBlock(kind) }

    static func isBlock(_ kind: Kind) -> Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading,
             .thematicBreak, .table, .tableRow, .tableCell:
            return true
        default:
            return false
        }
    }

    /// The visible text of this node and its descendants: text and code spans,
    /// with soft breaks as spaces; HTML and images' destinations left out.
    public var plainText: String {
        var bytes: [UInt8] = []
        appendPlainText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The UTF-8 of `plainText`, appended to `out`: callers that only read
    /// the text reuse one buffer rather than make a String per block.
    func appendPlainText(to out: inout [UInt8]) {
        withUnsafePointer(to: self) { MarkdownNode.appendPlainText(of: $0, to: &out) }
    }

    /// Reads each node's fields in place through a pointer: a node used as a
    /// value, even to call a method on it, was copied with its subtree's references.
    private static func appendPlainText(of node: UnsafePointer<MarkdownNode>, to out: inout [UInt8]) {
        switch node.pointee.kind {
        case .text, .code, .codeBlock:
            out.append(contentsOf: node.pointee.literal.utf8)
        case .softBreak, .lineBreak:
            out.append(0x20)
        case .htmlInline, .htmlBlock:
            break
        default:
            node.pointee.children.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for child in base..<(base + buffer.count) {
                    // Separate block children so that words from two cells or paragraphs don't fuse.
                    if child > base, isBlock(child.pointee.kind), let last = out.last, last != 0x20 { out.append(0x20) }
                    appendPlainText(of: child, to: &out)
                }
            }
        }
    }

    /// The first block, depth first, that `matches`: looks inside block
    /// containers (quotes, lists, items) but not into paragraphs, headings or
    /// tables, whose children are inline text or rows.
    public func firstBlock(where matches: (MarkdownNode) -> Bool) -> MarkdownNode? {
        if matches(self) { return self }
        switch kind {
        case .document, .blockQuote, .list, .item:
            for child in children {
                if let found = child.firstBlock(where: matches) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// Calls `visit` on this node and every descendant, depth first, in document order.
    public func walk(_ visit: (MarkdownNode) -> Void) {
        visit(self)
        MarkdownNode.walk(children, visit)
    }

    /// The nodes are read in place through a pointer: going through each
    /// node as a value copied it (its strings and children retained) at
    /// every level of the recursion.
    private static func walk(_ nodes: [MarkdownNode], _ visit: (MarkdownNode) -> Void) {
        nodes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for node in base..<(base + buffer.count) {
                visit(node.pointee)
                walk(node.pointee.children, visit)
            }
        }
    }
}

extension [MarkdownNode] {
    /// Calls `body` on each node in order, lending it instead of copying it:
    /// a copy retains the node's strings and children, and the rules go
    /// through every file's whole tree.
    func forEachNode(_ body: (borrowing MarkdownNode) -> Void) {
        withUnsafeBufferPointer { buffer in
            for index in buffer.indices { body(buffer[index]) }
        }
    }

    /// Calls `body` with the UTF-8 of each node's `plainText`, in order,
    /// skipping the nodes `skip` names. The text is made in `buffer`, which
    /// the caller keeps across calls: readers that only scan the text make
    /// no String per block.
    func forEachPlainText(in buffer: inout [UInt8], skipping skip: (borrowing MarkdownNode) -> Bool = { _ in false },
                          _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        forEachNode { node in
            if skip(node) { return }
            buffer.removeAll(keepingCapacity: true)
            node.appendPlainText(to: &buffer)
            buffer.withUnsafeBufferPointer(body)
        }
    }
}

/// Pulls the prose out of a parsed postmortem for the blameless rules.
///
/// Prose is the visible text of paragraphs, list items, headings and table
/// cells. Left out, as SPEC §5.1 asks: code blocks and code spans (a code
/// span becomes one placeholder so the sentence keeps its shape), link
/// destinations and images, HTML and its comments, block quotes (pasted
/// chat transcripts and quotations are the incident's record, not the
/// review's voice), the front matter, a table's header row and its Owner
/// column (handles, not sentences).
public enum ProseExtractor {
    /// The runs of `postmortem` in document order.
    public static func runs(in postmortem: Postmortem) -> [ProseRun] {
        var runs: [ProseRun] = []
        postmortem.preamble.forEachNode { collect($0, section: nil, into: &runs) }
        for section in postmortem.sections {
            collect(section.heading, section: section.kind, into: &runs)
            section.blocks.forEachNode { collect($0, section: section.kind, into: &runs) }
        }
        return runs
    }

    /// Header names whose column holds people's handles, not prose.
    static let ownerColumns: Set<String> = ["owner", "owners", "assignee", "assignees", "responsible", "dri"]

    private static func collect(_ node: MarkdownNode, section: SectionKind?, into runs: inout [ProseRun]) {
        switch node.kind {
        case .paragraph, .heading, .tableCell:
            var run = ProseRun(section: section, origin: node.start, lastLine: node.end.line)
            node.children.forEachNode { append($0, to: &run) }
            if run.hasVisibleText { runs.append(run) }
        case .table:
            collectTable(node, section: section, into: &runs)
        case .codeBlock, .htmlBlock, .blockQuote, .thematicBreak:
            return
        default:
            node.children.forEachNode { collect($0, section: section, into: &runs) }
        }
    }

    private static func collectTable(_ table: MarkdownNode, section: SectionKind?, into runs: inout [ProseRun]) {
        guard let header = table.children.first else { return }
        let skipped = Set(header.children.indices.filter { isOwnerColumn(header.children[$0].plainText) })
        table.children.withUnsafeBufferPointer { rows in
            for row in rows.indices.dropFirst() {
                rows[row].children.withUnsafeBufferPointer { cells in
                    for index in cells.indices where !skipped.contains(index) { collect(cells[index], section: section, into: &runs) }
                }
            }
        }
    }

    /// The header names (`ActionTableReader.normalise`) of owner columns, aliases included.
    private static let ownerHeaderNames: Set<String> = Set(ActionTableReader.columnAliases.keys).union(ownerColumns).filter { name in
        ownerColumns.contains(ActionTableReader.columnAliases[name] ?? name)
    }

    /// Whether a header cell's text names an owner column.
    static func isOwnerColumn(_ header: String) -> Bool {
        ownerHeaderNames.contains(ActionTableReader.headerName(header))
    }

    private static let placeholderUTF8 = Array(String(ProseRun.codePlaceholder).utf8)

    private static func append(_ node: MarkdownNode, to run: inout ProseRun) {
        switch node.kind {
        case .text:
            run.utf8.append(contentsOf: node.literal.utf8)
        case .code:
            run.marks.append((run.utf8.count, .code))
            run.utf8.append(contentsOf: ProseExtractor.placeholderUTF8)
        case .softBreak, .lineBreak:
            run.marks.append((run.utf8.count, .lineBreak))
            run.utf8.append(0x20)
        case .htmlInline:
            run.marks.append((run.utf8.count, .skip(node.literal)))
        case .image:
            run.marks.append((run.utf8.count, .image))
        case .link:
            node.children.forEachNode { append($0, to: &run) }
            run.marks.append((run.utf8.count, .linkEnd))
        case .footnoteReference:
            return
        default:
            node.children.forEachNode { append($0, to: &run) }
        }
    }
}

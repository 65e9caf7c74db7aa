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
        for block in postmortem.preamble { collect(block, section: nil, into: &runs) }
        for section in postmortem.sections {
            collect(section.heading, section: section.kind, into: &runs)
            for block in section.blocks { collect(block, section: section.kind, into: &runs) }
        }
        return runs
    }

    /// Header names whose column holds people's handles, not prose.
    static let ownerColumns: Set<String> = ["owner", "owners", "assignee", "assignees", "responsible", "dri"]

    private static func collect(_ node: MarkdownNode, section: SectionKind?, into runs: inout [ProseRun]) {
        switch node.kind {
        case .paragraph, .heading, .tableCell:
            var run = ProseRun(section: section, origin: node.start, lastLine: node.end.line)
            for child in node.children { append(child, to: &run) }
            if run.scalars.contains(where: { !ProseTokenizer.isSpace($0) }) { runs.append(run) }
        case .table:
            collectTable(node, section: section, into: &runs)
        case .codeBlock, .htmlBlock, .blockQuote, .thematicBreak:
            return
        default:
            for child in node.children { collect(child, section: section, into: &runs) }
        }
    }

    private static func collectTable(_ table: MarkdownNode, section: SectionKind?, into runs: inout [ProseRun]) {
        guard let header = table.children.first else { return }
        let skipped = Set(header.children.indices.filter { index in
            ownerColumns.contains(ActionTableReader.normalise(header.children[index].plainText))
        })
        for row in table.children.dropFirst() {
            for (index, cell) in row.children.enumerated() where !skipped.contains(index) {
                collect(cell, section: section, into: &runs)
            }
        }
    }

    private static func append(_ node: MarkdownNode, to run: inout ProseRun) {
        switch node.kind {
        case .text:
            // One pass: appending the view itself would count it first.
            run.scalars.reserveCapacity(run.scalars.count + node.literal.utf8.count)
            for scalar in node.literal.unicodeScalars { run.scalars.append(scalar) }
        case .code:
            run.marks.append((run.scalars.count, .code))
            run.scalars.append(ProseRun.codePlaceholder)
        case .softBreak, .lineBreak:
            run.marks.append((run.scalars.count, .lineBreak))
            run.scalars.append(" ")
        case .htmlInline:
            run.marks.append((run.scalars.count, .skip(node.literal)))
        case .image:
            run.marks.append((run.scalars.count, .image))
        case .link:
            for child in node.children { append(child, to: &run) }
            run.marks.append((run.scalars.count, .linkEnd))
        case .footnoteReference:
            return
        default:
            for child in node.children { append(child, to: &run) }
        }
    }
}

/// Renders the Swift copy of a Markdown tree (`MarkdownNode`) to HTML.
///
/// Rendering from our own tree rather than with cmark's renderer keeps cmark
/// behind its one wrapper file and gives full control over safety:
/// - text, code and attribute values are escaped with `HTML.escape`;
/// - raw HTML blocks and inline HTML are omitted (cmark's safe mode does the same);
/// - links keep only `http`, `https`, `mailto`, relative and `#` destinations;
///   any other scheme drops the link and keeps its text; images need `http`,
///   `https` or a relative source;
/// - headings get unique ids from an `AnchorSet`, and level-1 headings are
///   written as `h2` so a page keeps its single `h1`.
///
/// The tree is the one the loader parsed (block extensions only: tables and
/// task lists). Strikethrough and bare-URL autolinks are not enabled, because
/// cmark-gfm's inline extensions serialise parsing; `<https://…>` autolinks
/// are core CommonMark and work. Pure and thread-safe: pages render in parallel.
struct MarkdownHTMLRenderer {
    /// Maps a relative link (e.g. `../2024/other.md`) to a site URL, or nil to keep it.
    var rewriteLink: (String) -> String? = { _ in nil }

    /// Renders blocks, claiming heading ids from `anchors`.
    func render(_ blocks: [MarkdownNode], anchors: inout AnchorSet) -> String {
        var out = ""
        for block in blocks { render(block, tight: false, anchors: &anchors, into: &out) }
        return out
    }

    private func render(_ node: MarkdownNode, tight: Bool, anchors: inout AnchorSet, into out: inout String) {
        switch node.kind {
        case .document:
            for child in node.children { render(child, tight: false, anchors: &anchors, into: &out) }
        case .paragraph:
            if tight {
                renderInlines(node.children, into: &out)
            } else {
                out += "<p>"
                renderInlines(node.children, into: &out)
                out += "</p>\n"
            }
        case .heading(let level):
            let shown = min(max(level, 2), 6)
            let id = anchors.claim(node.plainText)
            out += "<h\(shown) id=\"\(id)\">"
            renderInlines(node.children, into: &out)
            out += "</h\(shown)>\n"
        case .blockQuote:
            out += "<blockquote>\n"
            for child in node.children { render(child, tight: false, anchors: &anchors, into: &out) }
            out += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            if ordered {
                out += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            } else {
                out += "<ul>\n"
            }
            for item in node.children { render(item, tight: isTight, anchors: &anchors, into: &out) }
            out += ordered ? "</ol>\n" : "</ul>\n"
        case .item(let taskChecked):
            if let checked = taskChecked {
                out += checked ? "<li class=\"task done\"><span class=\"task-box\">☑</span> "
                               : "<li class=\"task\"><span class=\"task-box\">☐</span> "
            } else {
                out += "<li>"
            }
            for (index, child) in node.children.enumerated() {
                if index > 0, tight { out += "\n" }
                render(child, tight: tight, anchors: &anchors, into: &out)
            }
            out += "</li>\n"
        case .codeBlock(let info):
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            if !language.isEmpty, language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "+") }) {
                out += "<pre><code class=\"language-\(language.lowercased())\">"
            } else {
                out += "<pre><code>"
            }
            out += HTML.escape(node.literal)
            out += "</code></pre>\n"
        case .htmlBlock, .htmlInline:
            break // raw HTML is never rendered
        case .thematicBreak:
            out += "<hr>\n"
        case .table(let alignments):
            renderTable(node, alignments: alignments, into: &out)
        case .tableRow, .tableCell:
            break // only inside a table
        default:
            renderInline(node, into: &out)
        }
    }

    private func renderTable(_ table: MarkdownNode, alignments: [String], into out: inout String) {
        out += "<div class=\"table-wrap\"><table>\n"
        var openedBody = false
        for row in table.children {
            guard case .tableRow(let isHeader) = row.kind else { continue }
            if isHeader {
                out += "<thead>\n"
            } else if !openedBody {
                out += "<tbody>\n"
                openedBody = true
            }
            out += "<tr>"
            for (index, cell) in row.children.enumerated() {
                let tag = isHeader ? "th" : "td"
                let alignment = index < alignments.count ? alignments[index] : ""
                out += alignment.isEmpty ? "<\(tag)>" : "<\(tag) class=\"align-\(alignment)\">"
                renderInlines(cell.children, into: &out)
                out += "</\(tag)>"
            }
            out += "</tr>\n"
            if isHeader { out += "</thead>\n" }
        }
        if openedBody { out += "</tbody>\n" }
        out += "</table></div>\n"
    }

    func renderInlines(_ nodes: [MarkdownNode], into out: inout String) {
        for node in nodes { renderInline(node, into: &out) }
    }

    /// Renders inline nodes as HTML (used for table cells outside the body, too).
    func inlineHTML(_ nodes: [MarkdownNode]) -> String {
        var out = ""
        renderInlines(nodes, into: &out)
        return out
    }

    private func renderInline(_ node: MarkdownNode, into out: inout String) {
        switch node.kind {
        case .text:
            out += HTML.escape(node.literal)
        case .softBreak:
            out += "\n"
        case .lineBreak:
            out += "<br>\n"
        case .code:
            out += "<code>" + HTML.escape(node.literal) + "</code>"
        case .emphasis:
            out += "<em>"
            renderInlines(node.children, into: &out)
            out += "</em>"
        case .strong:
            out += "<strong>"
            renderInlines(node.children, into: &out)
            out += "</strong>"
        case .strikethrough:
            out += "<del>"
            renderInlines(node.children, into: &out)
            out += "</del>"
        case .link(let destination, let title):
            guard HTML.isSafeLink(destination) else {
                renderInlines(node.children, into: &out)
                return
            }
            let href = rewriteLink(destination) ?? destination
            out += "<a href=\"" + HTML.escape(href) + "\""
            if !title.isEmpty { out += " title=\"" + HTML.escape(title) + "\"" }
            out += ">"
            renderInlines(node.children, into: &out)
            out += "</a>"
        case .image(let source, let title):
            let alt = HTML.escape(node.plainText)
            guard HTML.isSafeImage(source) else {
                out += alt
                return
            }
            out += "<img src=\"" + HTML.escape(source) + "\" alt=\"" + alt + "\""
            if !title.isEmpty { out += " title=\"" + HTML.escape(title) + "\"" }
            out += ">"
        case .htmlInline, .htmlBlock:
            break
        default:
            // Footnote references and unknown extension nodes: their text only.
            if node.children.isEmpty {
                out += HTML.escape(node.literal)
            } else {
                renderInlines(node.children, into: &out)
            }
        }
    }
}

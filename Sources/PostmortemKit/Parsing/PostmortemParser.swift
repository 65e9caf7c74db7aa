import Foundation

/// Reads one postmortem file's bytes into a `Postmortem`. Never throws and
/// never traps: unreadable parts become `parse/front-matter` findings and the
/// rest of the file is still parsed so structural rules can run.
public struct PostmortemParser: Sendable {
    public var sectionNames: SectionNames
    public var markdown: MarkdownParser
    /// Parts freed before `parse` returns, for a caller that never reads
    /// them (`LoadOptions.dropping`); the timeline is then not read at all.
    public var dropping: Postmortem.Parts = []

    public init(sectionNames: SectionNames = SectionNames(), markdown: MarkdownParser = MarkdownParser(),
                dropping: Postmortem.Parts = []) {
        self.sectionNames = sectionNames
        self.markdown = markdown
        self.dropping = dropping
    }

    public static let frontMatterRule = "parse/front-matter"

    public func parse(path: String, bytes: Data) -> Postmortem {
        var postmortem = Postmortem(path: path)
        func fail(_ message: String, line: Int = 1, column: Int = 1) {
            postmortem.parseFindings.append(Finding(file: path, line: line, column: column, severity: .error,
                                                    rule: PostmortemParser.frontMatterRule, message: message))
        }
        if bytes.isEmpty {
            fail("file is empty; a postmortem starts with front matter between '---' lines")
            return postmortem
        }
        let (hasNUL, hasCR) = bytes.withUnsafeBytes { raw in
            // memchr: a byte-by-byte `text.utf8.contains(13)` was 3 % of `lint`.
            (memchr(raw.baseAddress!, 0, min(raw.count, 8192)) != nil, memchr(raw.baseAddress!, 13, raw.count) != nil)
        }
        if hasNUL {
            fail("file is binary (it contains NUL bytes), not a Markdown postmortem")
            return postmortem
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = PostmortemParser.firstInvalidUTF8(in: bytes)
            fail("file is not valid UTF-8 (first bad byte at line \(line), column \(column)); save it as UTF-8", line: line, column: column)
            return postmortem
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // "\r\n" is one Character in Swift, so normalise on scalars.
        if hasCR {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        let lines = text.lineSlices()
        postmortem.lines = lines

        var body = text
        var bodyFirstLine = 1
        switch FrontMatterParser.split(lines: lines) {
        case .failure(.missing):
            fail("no front matter: the file must start with a line '---', the YAML fields, and a closing '---'")
        case .failure(.unterminated):
            fail("front matter opened at line 1 is never closed; add a line '---' after the last field")
        case .success(let split):
            let (frontMatter, problems) = FrontMatterParser.parse(split)
            postmortem.frontMatter = frontMatter
            for problem in problems { fail(problem.message, line: problem.location.line, column: problem.location.column) }
            body = split.body
            bodyFirstLine = split.bodyFirstLine
        }

        if dropping.contains(.markdown) {
            postmortem.drop(dropping)
            return postmortem
        }
        let document = markdown.parse(body, firstLine: bodyFirstLine)
        postmortem.body = document
        splitSections(document, into: &postmortem)
        // Only a body with an HTML comment can hold directives; most have none.
        var searchable = body
        let hasComment = searchable.withUTF8(PostmortemParser.containsCommentOpener)
        postmortem.suppressions = Suppressions.build(comments: hasComment ? PostmortemParser.comments(in: document) : [],
                                                     firstSectionLine: postmortem.sections.first?.location.line,
                                                     lines: lines)
        if !dropping.contains(.timeline), let section = postmortem.section(.timeline) {
            postmortem.timeline = TimelineReader.entries(in: section, started: postmortem.started)
        }
        if let section = postmortem.section(.actionItems) {
            postmortem.actionTable = ActionTableReader.table(in: section, lines: lines)
        }
        postmortem.drop(dropping)
        return postmortem
    }

    /// The postmortem as far as a build reads it, from its `summary`: its
    /// Markdown is parsed by this parser when a stage asks (`Postmortem.complete`).
    func summarised(path: String, summary: PostmortemSummary, source: DeferredParse.Source, contentID: String) -> Postmortem {
        var postmortem = Postmortem(path: path)
        postmortem.frontMatter = summary.frontMatter
        postmortem.parseFindings = summary.parseFindings.map { finding in
            var placed = finding
            placed.file = path
            return placed
        }
        postmortem.actionTable = summary.actionTable
        postmortem.suppressions = summary.suppressions
        postmortem.contentID = contentID
        postmortem.deferred = DeferredParse(summary: summary, source: source, parser: self)
        return postmortem
    }

    /// `parse`, or the summarised postmortem when `summaries` holds the
    /// summary of these bytes (blob id `contentID`). Only a parser that
    /// drops nothing defers: a summarised postmortem completes to a whole one.
    func parse(path: String, bytes: Data, contentID: String?, summaries: SummaryCache?) -> Postmortem {
        if let contentID, let summary = summary(contentID: contentID, in: summaries) {
            return summarised(path: path, summary: summary, source: .bytes(bytes), contentID: contentID)
        }
        var postmortem = parse(path: path, bytes: bytes)
        postmortem.contentID = contentID
        return postmortem
    }

    /// The summary of the bytes with blob id `contentID`, when this parser may use one.
    func summary(contentID: String, in summaries: SummaryCache?) -> PostmortemSummary? {
        guard dropping.isEmpty, let summaries, let key = summaries.key(contentID: contentID) else { return nil }
        return summaries.summary(for: key)
    }

    private func splitSections(_ document: MarkdownNode, into postmortem: inout Postmortem) {
        var current: Section?
        for block in document.children {
            if case .heading(level: 2) = block.kind {
                if let finished = current { postmortem.sections.append(finished) }
                let title = block.plainText.trimmingSpaces()
                current = Section(title: title, kind: sectionNames.kind(forHeading: title), heading: block, blocks: [])
            } else if current != nil {
                current!.blocks.append(block)
            } else {
                postmortem.preamble.append(block)
            }
        }
        if let finished = current { postmortem.sections.append(finished) }
    }

    /// Whether `bytes` hold "<!--". memchr finds each "<" a word at a time;
    /// a loop over every byte of every body was 1.5 % of a lint.
    static func containsCommentOpener(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var start = 0
        while start + 4 <= bytes.count, let found = memchr(base + start, 0x3C, bytes.count - start - 3) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if bytes[index + 1] == 0x21 && bytes[index + 2] == 0x2D && bytes[index + 3] == 0x2D { return true }
            start = index + 1
        }
        return false
    }

    /// Every HTML comment in the body, with its lines.
    static func comments(in document: MarkdownNode) -> [(text: String, start: Int, end: Int)] {
        var found: [(text: String, start: Int, end: Int)] = []
        document.walk { node in
            switch node.kind {
            case .htmlBlock, .htmlInline:
                var searchFrom = node.literal.startIndex
                while let open = node.literal.range(of: "<!--", range: searchFrom..<node.literal.endIndex),
                      let close = node.literal.range(of: "-->", range: open.upperBound..<node.literal.endIndex) {
                    let before = node.literal[node.literal.startIndex..<open.lowerBound]
                    let startLine = node.start.line + before.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
                    let comment = String(node.literal[open.lowerBound..<close.upperBound])
                    let endLine = startLine + comment.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
                    found.append((comment, startLine, endLine))
                    searchFrom = close.upperBound
                }
            default:
                break
            }
        }
        return found
    }

    /// Line and column (in bytes) of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(in bytes: Data) -> (Int, Int) {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            if length > 1 {
                let end = index + length
                guard end <= bytes.endIndex, bytes[(index + 1)..<end].allSatisfy({ $0 & 0xC0 == 0x80 }),
                      String(validating: bytes[index..<end], as: UTF8.self) != nil else {
                    return (line, index - lineStart + 1)
                }
            }
            if byte == 10 { line += 1; lineStart = index + 1 }
            index += length
        }
        return (line, 1)
    }
}

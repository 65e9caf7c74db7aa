import Foundation

/// What a site build reads of a postmortem's body when its lint findings,
/// counted terms and page come from the cache: the action table, the inline
/// suppressions (repository rules' findings are filtered by them), the
/// executive summary's text (feed, search), the search snippet, where its
/// links lead and the words that may name other postmortems. Kept between
/// builds by blob id (`SummaryCache`), so an unchanged file is read for its
/// front matter only and its Markdown is not parsed (`Postmortem.complete`
/// parses it when a stage needs more).
struct PostmortemSummary: Sendable, Hashable {
    var actionTable: ActionTable?
    var suppressions: Suppressions
    /// `Postmortem.summaryText`.
    var summaryText: String
    /// The search snippet (`SearchIndexBuilder.snippetText`) for snippets of
    /// `snippetCharacters`; 0 when none was kept (the site left the file out).
    var snippetCharacters: Int
    var snippet: String
    /// `Postmortem.linkDestinations`.
    var linkDestinations: [String]
    /// `Postmortem.mentions`.
    var mentions: [String]

    /// The summary of a fully parsed postmortem.
    init(of postmortem: Postmortem, snippetCharacters: Int, snippet: String) {
        actionTable = postmortem.actionTable
        suppressions = postmortem.suppressions
        summaryText = postmortem.summaryText
        self.snippetCharacters = snippetCharacters
        self.snippet = snippet
        linkDestinations = postmortem.linkDestinations
        mentions = postmortem.mentions
    }

    init(actionTable: ActionTable?, suppressions: Suppressions, summaryText: String, snippetCharacters: Int, snippet: String,
         linkDestinations: [String], mentions: [String]) {
        self.actionTable = actionTable
        self.suppressions = suppressions
        self.summaryText = summaryText
        self.snippetCharacters = snippetCharacters
        self.snippet = snippet
        self.linkDestinations = linkDestinations
        self.mentions = mentions
    }
}

/// The bytes of a postmortem read for its front matter only, parsed in full
/// the first time a stage asks (`Postmortem.complete`), once for all copies.
final class DeferredParse: @unchecked Sendable {
    let summary: PostmortemSummary
    private let bytes: Data
    private let parser: PostmortemParser
    private let lock = NSLock()
    private var parsed: Postmortem?

    init(summary: PostmortemSummary, bytes: Data, parser: PostmortemParser) {
        self.summary = summary
        self.bytes = bytes
        self.parser = parser
    }

    var isParsed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return parsed != nil
    }

    func postmortem(path: String, contentID: String?) -> Postmortem {
        lock.lock()
        defer { lock.unlock() }
        if let parsed { return parsed }
        var postmortem = parser.parse(path: path, bytes: bytes)
        postmortem.contentID = contentID
        parsed = postmortem
        return postmortem
    }
}

extension Postmortem {
    /// True when only the front matter was parsed and the rest comes from
    /// the summary cache (`complete` gives the whole postmortem).
    var isSummarised: Bool { deferred != nil }

    /// Whether a summarised postmortem's Markdown has since been parsed (`complete`).
    var wasCompleted: Bool { deferred?.isParsed ?? false }

    /// The postmortem with its Markdown parsed: itself, unless it was read
    /// from the summary cache, whose file is then parsed (once).
    var complete: Postmortem {
        guard let deferred else { return self }
        return deferred.postmortem(path: path, contentID: contentID)
    }

    /// The executive summary's text, its blocks joined by spaces ("" without one).
    var summaryText: String {
        if let deferred { return deferred.summary.summaryText }
        return section(.executiveSummary).map { section in section.blocks.map(\.plainText).joined(separator: " ") } ?? ""
    }

    /// The destination of every link in the body, in document order.
    var linkDestinations: [String] {
        if let deferred { return deferred.summary.linkDestinations }
        if let patternInputs { return patternInputs.linkDestinations }
        var destinations: [String] = []
        let collect = { (node: MarkdownNode) in
            if case .link(let destination, _) = node.kind { destinations.append(destination) }
        }
        for block in preamble { block.walk(collect) }
        for section in sections {
            section.heading.walk(collect)
            for block in section.blocks { block.walk(collect) }
        }
        return destinations
    }

    /// The search snippet stored for snippets of `characters`, if this
    /// postmortem was read from the summary cache.
    func summarisedSnippet(characters: Int) -> String? {
        guard let summary = deferred?.summary, characters > 0, summary.snippetCharacters == characters else { return nil }
        return summary.snippet
    }
}

// MARK: Binary form

extension PostmortemSummary {
    func write(to out: inout ByteWriter) {
        out.append(actionTable != nil)
        if let actionTable {
            PostmortemSummary.write(actionTable.location, to: &out)
            out.append(UInt32(actionTable.columns.count))
            for column in actionTable.columns { out.append(column) }
            out.append(UInt32(actionTable.rows.count))
            for row in actionTable.rows {
                PostmortemSummary.write(row.location, to: &out)
                out.append(UInt32(row.cells.count))
                for name in row.cells.keys.sorted() {
                    out.append(name)
                    out.append(row.cells[name]!)
                }
                out.append(UInt32(row.cellLocations.count))
                for name in row.cellLocations.keys.sorted() {
                    out.append(name)
                    PostmortemSummary.write(row.cellLocations[name]!, to: &out)
                }
            }
        }
        out.append(UInt32(suppressions.spans.count))
        for span in suppressions.spans {
            out.append(Int64(span.lines.lowerBound))
            out.append(Int64(span.lines.upperBound))
            out.append(span.rules != nil)
            if let rules = span.rules {
                out.append(UInt32(rules.count))
                for rule in rules { out.append(rule) }
            }
        }
        out.append(summaryText)
        out.append(Int64(snippetCharacters))
        out.append(snippet)
        out.append(UInt32(linkDestinations.count))
        for destination in linkDestinations { out.append(destination) }
        out.append(UInt32(mentions.count))
        for word in mentions { out.append(word) }
    }

    /// Reads what `write` wrote; nil when the bytes are damaged.
    static func read(from reader: inout ByteReader) -> PostmortemSummary? {
        guard let hasTable = reader.flag() else { return nil }
        var actionTable: ActionTable?
        if hasTable {
            guard let location = readLocation(&reader), let columnCount = reader.count(minimumSize: 4) else { return nil }
            var columns: [String] = []
            for _ in 0..<columnCount {
                guard let column = reader.string() else { return nil }
                columns.append(column)
            }
            guard let rowCount = reader.count(minimumSize: 16) else { return nil }
            var rows: [ActionItem] = []
            for _ in 0..<rowCount {
                guard let rowLocation = readLocation(&reader), let cellCount = reader.count(minimumSize: 8) else { return nil }
                var cells: [String: String] = [:]
                for _ in 0..<cellCount {
                    guard let name = reader.string(), let text = reader.string() else { return nil }
                    cells[name] = text
                }
                guard let locationCount = reader.count(minimumSize: 12) else { return nil }
                var cellLocations: [String: SourceLocation] = [:]
                for _ in 0..<locationCount {
                    guard let name = reader.string(), let cellLocation = readLocation(&reader) else { return nil }
                    cellLocations[name] = cellLocation
                }
                rows.append(ActionItem(location: rowLocation, cells: cells, cellLocations: cellLocations))
            }
            actionTable = ActionTable(location: location, columns: columns, rows: rows)
        }
        guard let spanCount = reader.count(minimumSize: 17) else { return nil }
        var suppressions = Suppressions()
        for _ in 0..<spanCount {
            guard let lower = reader.integer(Int64.self), let upper = reader.integer(Int64.self), lower <= upper,
                  let hasRules = reader.flag() else { return nil }
            var rules: [String]?
            if hasRules {
                guard let ruleCount = reader.count(minimumSize: 4) else { return nil }
                var list: [String] = []
                for _ in 0..<ruleCount {
                    guard let rule = reader.string() else { return nil }
                    list.append(rule)
                }
                rules = list
            }
            suppressions.spans.append(Suppressions.Span(rules: rules, lines: Int(lower)...Int(upper)))
        }
        guard let summaryText = reader.string(), let characters = reader.integer(Int64.self), let snippet = reader.string(),
              let linkCount = reader.count(minimumSize: 4) else { return nil }
        var links: [String] = []
        for _ in 0..<linkCount {
            guard let link = reader.string() else { return nil }
            links.append(link)
        }
        guard let mentionCount = reader.count(minimumSize: 4) else { return nil }
        var mentions: [String] = []
        for _ in 0..<mentionCount {
            guard let word = reader.string() else { return nil }
            mentions.append(word)
        }
        return PostmortemSummary(actionTable: actionTable, suppressions: suppressions, summaryText: summaryText,
                                 snippetCharacters: Int(characters), snippet: snippet, linkDestinations: links, mentions: mentions)
    }

    private static func write(_ location: SourceLocation, to out: inout ByteWriter) {
        out.append(Int32(clamping: location.line))
        out.append(Int32(clamping: location.column))
    }

    private static func readLocation(_ reader: inout ByteReader) -> SourceLocation? {
        guard let line = reader.integer(Int32.self), let column = reader.integer(Int32.self) else { return nil }
        return SourceLocation(line: Int(line), column: Int(column))
    }
}

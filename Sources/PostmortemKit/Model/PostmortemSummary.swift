import Foundation

/// What a site build reads of a postmortem when its lint findings, counted
/// terms and page come from the cache: the front matter as parsed (with the
/// problems found reading it), so that an unchanged file is not read at
/// all (`SummaryCache.contentID`), the action table, the inline
/// suppressions (repository rules' findings are filtered by them), the
/// executive summary's text (feed, search), the search snippet, where its
/// links lead and the words that may name other postmortems. Kept between
/// builds by blob id (`SummaryCache`), so an unchanged file is neither read
/// nor parsed (`Postmortem.complete` reads and parses it when a stage needs
/// more).
struct PostmortemSummary: Sendable, Hashable {
    var frontMatter: FrontMatter?
    /// `Postmortem.parseFindings` (problems with the file's bytes and its
    /// front matter), with an empty `file`: the same bytes may be at another path.
    var parseFindings: [Finding]
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
        frontMatter = postmortem.frontMatter
        parseFindings = postmortem.parseFindings.map { finding in
            var pathless = finding
            pathless.file = ""
            return pathless
        }
        actionTable = postmortem.actionTable
        suppressions = postmortem.suppressions
        summaryText = postmortem.summaryText
        self.snippetCharacters = snippetCharacters
        self.snippet = snippet
        linkDestinations = postmortem.linkDestinations
        mentions = postmortem.mentions
    }

    init(frontMatter: FrontMatter?, parseFindings: [Finding], actionTable: ActionTable?, suppressions: Suppressions,
         summaryText: String, snippetCharacters: Int, snippet: String, linkDestinations: [String], mentions: [String]) {
        self.frontMatter = frontMatter
        self.parseFindings = parseFindings
        self.actionTable = actionTable
        self.suppressions = suppressions
        self.summaryText = summaryText
        self.snippetCharacters = snippetCharacters
        self.snippet = snippet
        self.linkDestinations = linkDestinations
        self.mentions = mentions
    }
}

/// The Markdown of a postmortem built from its summary, parsed in full the
/// first time a stage asks (`Postmortem.complete`), once for all copies:
/// from the bytes read for its blob id, or from the file, read then, when
/// the file was known unchanged by its status (`SummaryCache.contentID`).
final class DeferredParse: @unchecked Sendable {
    /// Where the file's bytes are: in memory, or in the file at this location.
    enum Source: Sendable {
        case bytes(Data)
        case file(location: String)
    }

    let summary: PostmortemSummary
    private let source: Source
    private let parser: PostmortemParser
    private let lock = NSLock()
    private var parsed: Postmortem?

    init(summary: PostmortemSummary, source: Source, parser: PostmortemParser) {
        self.summary = summary
        self.source = source
        self.parser = parser
    }

    /// Whether the file was not read to load the postmortem (its status
    /// showed it unchanged) and is read when it is completed.
    var readsFile: Bool {
        if case .file = source { return true }
        return false
    }

    var isParsed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return parsed != nil
    }

    /// The whole postmortem. A file read now that has changed since its
    /// status was taken is parsed as it is now, with its new blob id: the
    /// postmortem is then that of the new bytes throughout, never a mix.
    func postmortem(path: String, contentID: String?) -> Postmortem {
        lock.lock()
        defer { lock.unlock() }
        if let parsed { return parsed }
        var postmortem: Postmortem
        switch source {
        case .bytes(let bytes):
            postmortem = parser.parse(path: path, bytes: bytes)
            postmortem.contentID = contentID
        case .file(let location):
            postmortem = Workspace.read(DiscoveredFile(location: location, path: path, problem: nil), parser: parser,
                                        contentID: contentID != nil)
        }
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
        out.append(frontMatter != nil)
        if let frontMatter {
            PostmortemSummary.write(frontMatter.value, to: &out)
            out.append(UInt32(frontMatter.locations.count))
            for pointer in frontMatter.locations.keys.sorted() {
                out.append(pointer)
                PostmortemSummary.write(frontMatter.locations[pointer]!, to: &out)
            }
            out.append(Int32(clamping: frontMatter.firstLine))
            out.append(Int32(clamping: frontMatter.lastLine))
        }
        out.append(UInt32(parseFindings.count))
        for finding in parseFindings {
            PostmortemSummary.write(finding.location, to: &out)
            out.append(finding.severity.rawValue)
            out.append(finding.rule)
            out.append(finding.message)
            out.append(finding.suggestion != nil)
            if let suggestion = finding.suggestion { out.append(suggestion) }
        }
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
        guard let hasFrontMatter = reader.flag() else { return nil }
        var frontMatter: FrontMatter?
        if hasFrontMatter {
            guard let value = readValue(&reader, depth: 0), let locationCount = reader.count(minimumSize: 12) else { return nil }
            var locations: [String: SourceLocation] = [:]
            locations.reserveCapacity(locationCount)
            for _ in 0..<locationCount {
                guard let pointer = reader.string(), let location = readLocation(&reader) else { return nil }
                locations[pointer] = location
            }
            guard let firstLine = reader.integer(Int32.self), let lastLine = reader.integer(Int32.self) else { return nil }
            frontMatter = FrontMatter(value: value, locations: locations, firstLine: Int(firstLine), lastLine: Int(lastLine))
        }
        guard let findingCount = reader.count(minimumSize: 21) else { return nil }
        var parseFindings: [Finding] = []
        for _ in 0..<findingCount {
            guard let location = readLocation(&reader), let severity = reader.string().flatMap(Severity.init(rawValue:)),
                  let rule = reader.string(), let message = reader.string(), let hasSuggestion = reader.flag() else { return nil }
            var suggestion: String?
            if hasSuggestion {
                guard let text = reader.string() else { return nil }
                suggestion = text
            }
            parseFindings.append(Finding(file: "", line: location.line, column: location.column, severity: severity, rule: rule,
                                         message: message, suggestion: suggestion))
        }
        guard let hasTable = reader.flag() else { return nil }
        var actionTable: ActionTable?
        if hasTable {
            guard let location = readLocation(&reader), let columnCount = reader.count(minimumSize: 4) else { return nil }
            var columns: [String] = []
            columns.reserveCapacity(columnCount)
            for _ in 0..<columnCount {
                guard let column = reader.string() else { return nil }
                columns.append(column)
            }
            guard let rowCount = reader.count(minimumSize: 16) else { return nil }
            var rows: [ActionItem] = []
            rows.reserveCapacity(rowCount)
            for _ in 0..<rowCount {
                guard let rowLocation = readLocation(&reader), let cellCount = reader.count(minimumSize: 8) else { return nil }
                var cells: [String: String] = [:]
                cells.reserveCapacity(cellCount)
                for _ in 0..<cellCount {
                    guard let name = reader.string(), let text = reader.string() else { return nil }
                    cells[name] = text
                }
                guard let locationCount = reader.count(minimumSize: 12) else { return nil }
                var cellLocations: [String: SourceLocation] = [:]
                cellLocations.reserveCapacity(locationCount)
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
        return PostmortemSummary(frontMatter: frontMatter, parseFindings: parseFindings, actionTable: actionTable,
                                 suppressions: suppressions, summaryText: summaryText, snippetCharacters: Int(characters),
                                 snippet: snippet, linkDestinations: links, mentions: mentions)
    }

    /// A JSON value: a tag byte, then its contents (object members in key order).
    private static func write(_ value: JSONValue, to out: inout ByteWriter) {
        switch value {
        case .null: out.append(UInt8(0))
        case .bool(let flag): out.append(UInt8(flag ? 2 : 1))
        case .integer(let number):
            out.append(UInt8(3))
            out.append(Int64(number))
        case .number(let number):
            out.append(UInt8(4))
            out.append(number.bitPattern)
        case .string(let text):
            out.append(UInt8(5))
            out.append(text)
        case .array(let items):
            out.append(UInt8(6))
            out.append(UInt32(items.count))
            for item in items { write(item, to: &out) }
        case .object(let members):
            out.append(UInt8(7))
            out.append(UInt32(members.count))
            for key in members.keys.sorted() {
                out.append(key)
                write(members[key]!, to: &out)
            }
        }
    }

    /// Reads what `write(_: JSONValue, to:)` wrote; nil when damaged or
    /// nested deeper than any front matter the reader accepts.
    private static func readValue(_ reader: inout ByteReader, depth: Int) -> JSONValue? {
        guard depth < 64, let tag = reader.integer(UInt8.self) else { return nil }
        switch tag {
        case 0: return .null
        case 1, 2: return .bool(tag == 2)
        case 3: return reader.integer(Int64.self).map { .integer(Int($0)) }
        case 4: return reader.integer(UInt64.self).map { .number(Double(bitPattern: $0)) }
        case 5: return reader.string().map { .string($0) }
        case 6:
            guard let count = reader.count(minimumSize: 1) else { return nil }
            var items: [JSONValue] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                guard let item = readValue(&reader, depth: depth + 1) else { return nil }
                items.append(item)
            }
            return .array(items)
        case 7:
            guard let count = reader.count(minimumSize: 5) else { return nil }
            var members: [String: JSONValue] = [:]
            members.reserveCapacity(count)
            for _ in 0..<count {
                guard let key = reader.string(), let member = readValue(&reader, depth: depth + 1) else { return nil }
                members[key] = member
            }
            return .object(members)
        default: return nil
        }
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

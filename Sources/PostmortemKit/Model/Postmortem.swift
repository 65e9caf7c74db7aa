/// One postmortem file, parsed: front matter, sections, timeline and action
/// items with their positions. Parsing never fails; what could not be read is
/// in `parseFindings` and the corresponding parts are empty.
public struct Postmortem: Sendable {
    /// Path relative to the repository root, `/`-separated.
    public var path: String
    public var frontMatter: FrontMatter?
    /// The parsed body; nil when the file could not be read at all.
    public var body: MarkdownNode?
    /// Blocks before the first level-2 heading (an optional `# Title`).
    public var preamble: [MarkdownNode]
    public var sections: [Section]
    /// Entries of the (first) Timeline section, in document order.
    public var timeline: [TimelineEntry]
    /// The first table of the (first) Action Items section.
    public var actionTable: ActionTable?
    public var suppressions: Suppressions
    /// Problems met while reading (unreadable file, bad front matter).
    public var parseFindings: [Finding]
    /// The file's lines (CR and BOM removed), for rules that need exact columns.
    public var lines: [Substring]
    /// The git blob id of the file's bytes, when the loader was asked for it
    /// (`LoadOptions.wantsContentIDs`): what incremental builds key a page by.
    public var contentID: String?
    /// Set when only the front matter was parsed and the rest of what a
    /// build reads came from the summary cache (`complete`, `SummaryCache`).
    var deferred: DeferredParse?
    /// The findings of the file rules, when they ran as soon as the file was
    /// parsed (`LoadOptions.lintsWhileParsing`); its Markdown was then freed.
    var fileRuleFindings: [Finding]?
    /// What the patterns analysis reads of the Markdown, when it was taken
    /// as soon as the file was parsed (`LoadOptions.countsPatternTerms`);
    /// the sections were then freed.
    var patternInputs: PatternInputs?

    public init(path: String) {
        self.path = path
        frontMatter = nil
        body = nil
        preamble = []
        sections = []
        timeline = []
        actionTable = nil
        suppressions = Suppressions()
        parseFindings = []
        lines = []
        contentID = nil
    }

    public var id: String? { frontMatter?.string("id") }
    public var title: String? { frontMatter?.string("title") }

    /// The first section of a kind.
    public func section(_ kind: SectionKind) -> Section? {
        sections.first { $0.kind == kind }
    }

    public var started: Timestamp? { frontMatter?.timestamp("started") }
    public var detected: Timestamp? { frontMatter?.timestamp("detected") }
    public var mitigated: Timestamp? { frontMatter?.timestamp("mitigated") }
    public var resolved: Timestamp? { frontMatter?.timestamp("resolved") }
}

extension Postmortem {
    /// Parts of a parsed postmortem that a command may never read.
    public struct Parts: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// `lines`, and with them the file's text.
        public static let lines = Parts(rawValue: 1 << 0)
        /// `body`, the whole tree; `sections` and `preamble` keep their blocks.
        public static let body = Parts(rawValue: 1 << 1)
        /// `timeline`; the Timeline section keeps its blocks.
        public static let timeline = Parts(rawValue: 1 << 2)
        /// `sections` and `preamble`, once what a stage reads of them is
        /// taken (the findings of `lint`, the terms of `patterns`).
        public static let sections = Parts(rawValue: 1 << 4)
        /// Everything after the front matter: the Markdown is not parsed, so
        /// there are no sections, preamble, timeline, action table or
        /// suppressions (with `body` and `timeline` implied).
        public static let markdown = Parts(rawValue: 1 << 3)

        /// All but the front matter: for commands that read ids, dates and
        /// other fields only (history, and the files outside a lint's scope).
        public static let allButFrontMatter: Parts = [.markdown, .lines]
    }

    /// Frees `parts`, which then read as empty.
    public mutating func drop(_ parts: Parts) {
        if parts.contains(.lines) { lines = [] }
        if parts.contains(.body) || parts.contains(.markdown) { body = nil }
        if parts.contains(.timeline) || parts.contains(.markdown) { timeline = [] }
        if parts.contains(.sections) {
            sections = []
            preamble = []
        }
    }
}

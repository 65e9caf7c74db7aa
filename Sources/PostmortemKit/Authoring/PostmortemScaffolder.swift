import Foundation

/// What `postmortem new` does, without the command line: decide the draft,
/// number it, check that it parses back and lints with nothing but the
/// findings of a fresh draft, and create `postmortems/YYYY/YYYY-MM-DD-slug.md`
/// without ever overwriting a file.
public struct PostmortemScaffolder: Sendable {
    public var config: Config
    public var schema: JSONSchemaValidator

    public init(config: Config, schema: JSONSchemaValidator) {
        self.config = config
        self.schema = schema
    }

    public struct Created: Sendable {
        public var url: URL
        /// Relative to the repository root, `/`-separated.
        public var path: String
        public var id: String
        /// One-line remarks (placeholders, what an import lacked).
        public var notices: [String]
        /// What lint reports on the new file besides empty sections, e.g. a
        /// blameless-language warning in an imported message.
        public var findings: [Finding]
    }

    /// Rules whose findings mean the draft itself is wrong (bad input or a
    /// bug), so nothing is written. Everything else is reported afterwards.
    static let blockingRules: Set<String> = [
        PostmortemParser.frontMatterRule, "schema/violation", timeOrderRule, "timeline/unparsed-entry", "timeline/order",
        "structure/missing-section", "structure/duplicate-section", "structure/section-order",
    ]

    static let timeOrderRule = "time/order"

    /// The rule every fresh draft trips, by design: sections to be written.
    static let expectedRule = "structure/empty-section"

    /// The most `-2`, `-3`, … suffixes tried when the file name is taken.
    static let maxSuffix = 99

    /// - Parameter defaultAuthor: a person's name (git's `user.name`) used when `request.authors` is empty.
    /// - Throws: `UsageError` when something required is missing or invalid,
    ///   or the file cannot be created; nothing is written then.
    public func create(_ request: DraftRequest, imported: ImportedIncident?, defaultAuthor: String?) throws(UsageError) -> Created {
        var (draft, notices) = try DraftAssembler.assemble(request, imported: imported, resolver: HandleResolver(people: config.people),
                                                           defaultAuthor: defaultAuthor)
        let folder = config.root.appendingPathComponent(config.postmortems)
        let year = draft.date.year
        draft.id = PostmortemIDAllocator.nextID(year: year, postmortems: try existingPostmortems(in: folder))
        let text = DraftRenderer.render(draft)

        // A title with no Latin letters or digits still needs a file name.
        let slug = Slug.make(draft.title)
        let stem = "\(draft.date)-\(slug.isEmpty ? "incident" : slug)"
        let yearFolder = folder.appendingPathComponent(String(year))
        let relativeFolder = config.postmortems.split(separator: "/").joined(separator: "/") + "/\(year)/"
        // Exports can disagree with themselves (a trigger logged after the
        // resolution); their times are kept as exported and lint points at them.
        let importedTimes = draft.times.contains { $0.origin == .imported }
        let findings = try check(text, path: relativeFolder + stem + ".md", today: request.today, exemptTimeOrder: importedTimes)
        if findings.contains(where: { $0.rule == PostmortemScaffolder.timeOrderRule }) {
            notices.append("the imported times are out of order; they are kept as exported, so lint reports time/order until they are corrected")
        }

        do {
            try FileManager.default.createDirectory(at: yearFolder, withIntermediateDirectories: true)
        } catch {
            throw UsageError("\(relativeFolder): cannot create the folder (\((error as NSError).localizedDescription))")
        }
        for attempt in 1...PostmortemScaffolder.maxSuffix {
            let name = stem + (attempt == 1 ? "" : "-\(attempt)") + ".md"
            let url = yearFolder.appendingPathComponent(name)
            if try PostmortemScaffolder.createExclusively(url, contents: Data(text.utf8), display: relativeFolder + name) {
                let path = relativeFolder + name
                return Created(url: url, path: path, id: draft.id, notices: notices,
                               findings: findings.map { finding in
                                   var moved = finding
                                   moved.file = path
                                   return moved
                               })
            }
        }
        throw UsageError("\(relativeFolder)\(stem).md: that name and \(PostmortemScaffolder.maxSuffix - 1) numbered variants exist; choose another --title")
    }

    /// Every postmortem in the folder, its front matter and lines read (none
    /// when the folder does not exist yet): ids are all `nextID` needs.
    private func existingPostmortems(in folder: URL) throws(UsageError) -> [Postmortem] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        let files = try FileDiscovery.discover(paths: [folder.path], workingDirectory: config.root, root: config.root)
        return Workspace.parse(files, config: config, dropping: [.markdown])
    }

    /// Parses and lints the text as the repository would; throws on a
    /// blocking finding, returns the other unexpected ones.
    /// - Parameter exemptTimeOrder: report `time/order` instead of refusing (the times came from exports).
    private func check(_ text: String, path: String, today: LocalDate, exemptTimeOrder: Bool) throws(UsageError) -> [Finding] {
        let postmortem = PostmortemParser(sectionNames: config.sectionNames).parse(path: path, bytes: Data(text.utf8))
        let findings = Linter(context: RuleContext(config: config, schema: schema, today: today)).lint([postmortem])
        let blockingRules = exemptTimeOrder ? PostmortemScaffolder.blockingRules.subtracting([PostmortemScaffolder.timeOrderRule])
                                            : PostmortemScaffolder.blockingRules
        if let blocking = findings.first(where: { blockingRules.contains($0.rule) }) {
            throw UsageError("the draft would be invalid, so nothing was written: \(blocking.message)\(PostmortemScaffolder.hint(for: blocking))")
        }
        return findings.filter { $0.rule != PostmortemScaffolder.expectedRule }
    }

    /// Which option to look at for a front-matter finding.
    private static func hint(for finding: Finding) -> String {
        let options = [("title", "--title"), ("severity", "--severity"), ("services", "--service"), ("started", "--started"),
                       ("detected", "--detected"), ("mitigated", "--mitigated"), ("resolved", "--resolved"),
                       ("authors", "--author"), ("responders", "--responder"), ("incident_commander", "--incident-commander")]
        for (field, option) in options where finding.message.hasPrefix("`\(field)`") || finding.message.hasPrefix("`\(field).") {
            return " (check \(option))"
        }
        if finding.rule == timeOrderRule { return " (check --started, --detected, --mitigated and --resolved against the imports)" }
        return ""
    }

    /// Creates the file only if it does not exist (O_EXCL), so two runs, or a
    /// file that appeared since the names were checked, are never overwritten.
    /// - Returns: false when the name is taken.
    static func createExclusively(_ url: URL, contents: Data, display: String) throws(UsageError) -> Bool {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw UsageError("\(display): cannot create the file (\(String(cString: strerror(errno))))")
        }
        var failure: Int32 = 0
        contents.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            // A half-written draft is worse than none.
            unlink(url.path)
            throw UsageError("\(display): cannot write the file (\(String(cString: strerror(failure))))")
        }
        return true
    }
}

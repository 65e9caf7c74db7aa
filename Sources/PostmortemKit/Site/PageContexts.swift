import Foundation

/// Builds the template context of every page as JSON values: plain data,
/// sorted, with every name the built-in templates use always set (false or
/// empty rather than missing), so a test can prove no variable renders empty
/// by accident (`TemplateAudit`).
struct PageContexts: Sendable {
    var siteTitle: String
    var entries: [SiteEntry]
    var people: [String: Person]
    var today: LocalDate
    var extraPages: [ExtraPage]
    var similar: (any SimilarIncidentsProvider)?
    /// The patterns of the site's postmortems, for `patterns.html`.
    var patterns: PatternsReport?
    /// Newest incident date, for the footer.
    var newestDate: String
    /// What every postmortem page shares, in canonical bytes (`sharedInputs(…)`).
    var sharedInputs: [UInt8] = []
    /// What the list pages take from the entries (`listInputs(_:workers:)`); nil without a page cache.
    var listInputs: [UInt8]?

    /// Entries by id (the first, in site order, when ids clash).
    let byID: [String: SiteEntry]
    /// Entries by repository path, for rewriting links between postmortems.
    let byPath: [String: SiteEntry]

    init(siteTitle: String, entries: [SiteEntry], people: [Person], today: LocalDate,
         extraPages: [ExtraPage], similar: (any SimilarIncidentsProvider)?) {
        self.siteTitle = siteTitle
        self.entries = entries
        self.people = Dictionary(people.map { ($0.handle.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        self.today = today
        self.extraPages = extraPages
        self.similar = similar
        newestDate = entries.first?.date ?? ""
        byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        byPath = Dictionary(entries.map { ($0.postmortem.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Shared parts

    /// What every page's head, header and footer need. `root` leads back to
    /// the site root from the page ("" or "../"). Postmortem pages leave out
    /// the collection summary ("16 postmortems, the newest from …"): it says
    /// nothing about the incident, and with it every page would change, and
    /// be rebuilt, whenever a postmortem is added or removed.
    func base(title: String, root: String, current: String, collectionSummary: Bool = true) -> [String: JSONValue] {
        var nav: [(String, String)] = [("Postmortems", "index.html"), ("Action items", "actions.html"), ("Patterns", "patterns.html")]
        nav += extraPages.map { ($0.title, $0.path) }
        nav.append(("Search", "search.html"))
        let footer = !collectionSummary ? "" : entries.isEmpty ? "No postmortems yet."
            : "\(DisplayFormat.count(entries.count, "postmortem")), the newest from \(newestDate)."
        return [
            "site_title": .string(siteTitle),
            "page_title": .string(title),
            "root": .string(root),
            "nav": .array(nav.map { title, href in
                .object(["title": .string(title), "href": .string(href), "current": .bool(href == current)])
            }),
            "footer_note": .string(footer),
        ]
    }

    static func serviceURL(_ service: String) -> String { "services/\(HTML.fileName(service)).html" }
    static func facetURL(_ facet: String, _ value: String) -> String { "browse/\(facet)-\(HTML.fileName(value).lowercased()).html" }

    /// Each entry's table row, rendered once per page depth (`root` "" and
    /// "../") by `postmortem-row.mustache`, because the same row appears on
    /// the index, a service page and three browse pages. Keyed by path.
    var renderedRows = RenderedRows { [:] }

    /// The context of `postmortem-row.mustache`.
    func row(_ entry: SiteEntry, root: String) -> JSONValue {
        .object([
            "root": .string(root),
            "id": .string(entry.id),
            "title": .string(entry.title),
            "url": .string(entry.url),
            "severity": .string(entry.severity),
            "severity_class": .string(DisplayFormat.severityClass(entry.severity)),
            "status": .string(entry.status),
            "status_class": .string(HTML.fileName(entry.status)),
            "services": .array(entry.services.map { .object(["name": .string($0), "url": .string(PageContexts.serviceURL($0))]) }),
            "services_attr": .string(entry.services.joined(separator: " ")),
            "year": .string(entry.year),
            "date": .string(entry.date.isEmpty ? "—" : entry.date),
            "duration": .string(entry.timeToResolve.map(DisplayFormat.duration) ?? "—"),
        ])
    }

    func table(_ entries: [SiteEntry], caption: String, root: String) -> [String: JSONValue] {
        let rows = entries.map { entry -> JSONValue in
            let rendered = renderedRows[entry.postmortem.path]
            return .object(["row_html": .string((root.isEmpty ? rendered?.top : rendered?.nested) ?? "")])
        }
        return ["postmortems": .array(rows), "table_caption": .string(caption)]
    }

    /// Facet values with counts, in display order: severities ascending,
    /// services by name, years newest first, statuses by workflow order.
    static func facetValues(_ entries: [SiteEntry], _ facet: String) -> [(value: String, count: Int)] {
        var counts: [String: Int] = [:]
        for entry in entries {
            let values: [String]
            switch facet {
            case "severity": values = [entry.severity]
            case "service": values = entry.services
            case "year": values = [entry.year]
            case "status": values = [entry.status]
            default: values = entry.factors
            }
            for value in values { counts[value, default: 0] += 1 }
        }
        let statusOrder = ["published": 0, "in-review": 1, "draft": 2]
        let sorted = counts.keys.sorted { a, b in
            switch facet {
            case "year": return a > b
            case "status": return (statusOrder[a] ?? 9, a) < (statusOrder[b] ?? 9, b)
            default: return a < b
            }
        }
        return sorted.map { ($0, counts[$0]!) }
    }

    static let indexFacets: [(name: String, label: String)] = [
        ("severity", "Severity"), ("service", "Service"), ("year", "Year"), ("status", "Status"),
    ]

    func indexFilters() -> JSONValue {
        .array(PageContexts.indexFacets.map { facet in
            .object([
                "name": .string(facet.name),
                "label": .string(facet.label),
                "options": .array(PageContexts.facetValues(entries, facet.name).map { value, count in
                    .object([
                        "value": .string(value),
                        "count": .integer(count),
                        "url": .string(facet.name == "service" ? PageContexts.serviceURL(value) : PageContexts.facetURL(facet.name, value)),
                    ])
                }),
            ])
        })
    }

    // MARK: Pages

    func index() -> JSONValue {
        var context = base(title: "All postmortems", root: "", current: "index.html")
        context.merge(table(entries, caption: "All postmortems, newest first", root: ""), uniquingKeysWith: { $1 })
        context["filters"] = indexFilters()
        context["filter_target"] = .string("pm-list")
        let open = entries.flatMap { actions(of: $0) }.filter(\.isOutstanding).count
        context["summary_line"] = .string(entries.isEmpty ? "No postmortems yet."
            : "\(DisplayFormat.count(entries.count, "postmortem")) from \(entries.last!.date.isEmpty ? "—" : entries.last!.date) to \(newestDate), newest first; \(DisplayFormat.count(open, "open action item")).")
        return .object(context)
    }

    func search() -> JSONValue {
        var context = base(title: "Search", root: "", current: "search.html")
        let facets: [(String, String)] = PageContexts.indexFacets + [("factor", "Contributing factor")]
        context["filters"] = .array(facets.map { name, label in
            .object([
                "name": .string(name),
                "label": .string(label),
                "options": .array(PageContexts.facetValues(entries, name).map { .object(["value": .string($0.value)]) }),
            ])
        })
        return .object(context)
    }

    /// A list page: one service, or one value of a facet.
    func list(kind: String, heading: String, members: [SiteEntry], withActions: Bool) -> JSONValue {
        var context = base(title: heading, root: "../", current: "")
        context.merge(table(members, caption: "\(kind) \(heading): postmortems, newest first", root: "../"), uniquingKeysWith: { $1 })
        context["kind"] = .string(kind)
        context["heading"] = .string(heading)
        let dates = members.map(\.date).filter { !$0.isEmpty }
        context["summary_line"] = .string(DisplayFormat.count(members.count, "postmortem")
            + (dates.isEmpty ? "." : ", \(dates.min()!) to \(dates.max()!)."))
        let stats = PageContexts.facetValues(members, "severity")
        context["has_stats"] = .bool(!stats.isEmpty)
        context["stats"] = .array(stats.map {
            .object(["severity": .string($0.value), "severity_class": .string(DisplayFormat.severityClass($0.value)), "count": .integer($0.count)])
        })
        let open = withActions ? members.flatMap { entry in actions(of: entry).filter(\.isOutstanding).map { actionRow($0, in: entry) } } : []
        context["has_actions"] = .bool(!open.isEmpty)
        context["actions"] = .array(open)
        context["action_caption"] = .string("Open action items from these postmortems")
        context["show_postmortem"] = .bool(true)
        return .object(context)
    }

    func actionsPage() -> JSONValue {
        var context = base(title: "Action items", root: "", current: "actions.html")
        var rows: [JSONValue] = []
        var open: [String: Int] = [:], overdue: [String: Int] = [:]
        var all: [(SiteAction, SiteEntry)] = []
        for entry in entries {
            for action in actions(of: entry) {
                all.append((action, entry))
                rows.append(actionRow(action, in: entry))
                let owner = action.owner.isEmpty ? "(no owner)" : action.owner
                if action.isOutstanding { open[owner, default: 0] += 1 }
                if action.overdue { overdue[owner, default: 0] += 1 }
            }
        }
        let owners = Set(open.keys).union(overdue.keys).sorted { a, b in
            (-(overdue[a] ?? 0), -(open[a] ?? 0), a) < (-(overdue[b] ?? 0), -(open[b] ?? 0), b)
        }
        context["owners"] = .array(owners.map { owner in
            let name = people[owner.lowercased()]?.name
            return .object([
                "owner": .string(owner),
                "name": .string(name ?? ""),
                "has_name": .bool(name != nil),
                "open": .integer(open[owner] ?? 0),
                "overdue": .integer(overdue[owner] ?? 0),
                "has_overdue": .bool((overdue[owner] ?? 0) > 0),
            ])
        })
        context["actions"] = .array(rows)
        context["action_caption"] = .string("Every action item, newest postmortem first")
        context["show_postmortem"] = .bool(true)
        context["filter_target"] = .string("action-list")
        func options(_ values: [String]) -> JSONValue {
            var counts: [String: Int] = [:]
            for value in values where !value.isEmpty { counts[value, default: 0] += 1 }
            return .array(counts.keys.sorted().map { .object(["value": .string($0), "count": .integer(counts[$0]!), "url": .string("")]) })
        }
        context["filters"] = .array([
            .object(["name": .string("owner"), "label": .string("Owner"), "options": options(all.map(\.0.owner))]),
            .object(["name": .string("status"), "label": .string("Status"), "options": options(all.map(\.0.status))]),
            .object(["name": .string("priority"), "label": .string("Priority"), "options": options(all.map(\.0.priority))]),
            .object(["name": .string("overdue"), "label": .string("Overdue"), "options": options(all.map { $0.0.overdue ? "yes" : "no" })]),
        ])
        let openCount = all.filter { $0.0.isOutstanding }.count, overdueCount = all.filter { $0.0.overdue }.count
        context["summary_line"] = .string("\(DisplayFormat.count(all.count, "action item")) from \(DisplayFormat.count(Set(all.map { $0.1.id }).count, "postmortem")): \(openCount) open, \(overdueCount) overdue as of \(today).")
        return .object(context)
    }

    // MARK: Action items

    func actions(of entry: SiteEntry) -> [SiteAction] {
        (entry.postmortem.actionTable?.rows ?? []).map { SiteAction(item: $0, today: today) }
    }

    func actionRow(_ action: SiteAction, in entry: SiteEntry) -> JSONValue {
        let name = people[action.owner.lowercased()]?.name
        return .object([
            "action": .string(action.item.action ?? ""),
            "owner": .string(action.owner),
            "owner_name": .string(name ?? ""),
            "has_owner_name": .bool(name != nil),
            "priority": .string(action.priority),
            "due": .string(action.item.due ?? ""),
            "status": .string(action.status),
            "status_class": .string(HTML.fileName(action.status)),
            "overdue": .bool(action.overdue),
            "overdue_attr": .string(action.overdue ? "yes" : "no"),
            "type": .string(action.item.type ?? ""),
            "has_type": .bool(action.item.type != nil),
            "ticket": .string(action.item.ticket ?? ""),
            "has_ticket": .bool(action.item.ticket != nil),
            "pm_id": .string(entry.id),
            "pm_title": .string(entry.title),
            "pm_url": .string(entry.url),
        ])
    }

    // MARK: One postmortem

    func postmortem(_ summarised: SiteEntry) -> JSONValue {
        // The page shows the whole body, so a file read from the summary cache is parsed now.
        var entry = summarised
        entry.postmortem = entry.postmortem.complete
        var context = base(title: "\(entry.id): \(entry.title)", root: "../", current: "", collectionSummary: false)
        context["pm"] = postmortemDetails(entry)
        return .object(context)
    }

    private func postmortemDetails(_ entry: SiteEntry) -> JSONValue {
        let frontMatter = entry.postmortem.frontMatter
        var pm: [String: JSONValue] = [
            "id": .string(entry.id),
            "title": .string(entry.title),
            "severity": .string(entry.severity),
            "severity_class": .string(DisplayFormat.severityClass(entry.severity)),
            "status": .string(entry.status),
            "status_class": .string(HTML.fileName(entry.status)),
            "is_published": .bool(entry.status == "published"),
            "services": .array(entry.services.map { .object(["name": .string($0), "url": .string(PageContexts.serviceURL($0))]) }),
            "source_path": .string(entry.postmortem.path),
        ]
        let times: [(String, Timestamp?)] = [("Started", entry.started), ("Detected", entry.detected),
                                             ("Mitigated", entry.mitigated), ("Resolved", entry.resolved)]
        pm["times"] = .array(times.compactMap { label, time in
            time.map { .object(["label": .string(label), "value": .string(DisplayFormat.time($0)), "iso": .string($0.iso8601UTC)]) }
        })
        let durations: [(String, Int?)] = [("Time to detect", entry.timeToDetect), ("Time to mitigate", entry.timeToMitigate),
                                           ("Time to resolve", entry.timeToResolve)]
        pm["durations"] = .array(durations.compactMap { label, seconds in
            seconds.map { .object(["label": .string(label), "value": .string(DisplayFormat.duration($0))]) }
        })
        let detection = frontMatter?.string("detection") ?? ""
        pm["detection"] = .string(detection)
        pm["has_detection"] = .bool(!detection.isEmpty)
        pm["factors"] = .array(entry.factors.map { .string($0) })
        pm["has_factors"] = .bool(!entry.factors.isEmpty)
        pm["tags"] = .array(entry.tags.map { .string($0) })
        pm["has_tags"] = .bool(!entry.tags.isEmpty)
        let tickets = frontMatter?.strings("tickets") ?? []
        pm["tickets"] = .array(tickets.map { .string($0) })
        pm["has_tickets"] = .bool(!tickets.isEmpty)
        pm["impact"] = .array(PageContexts.impact(frontMatter?["impact"]))
        pm["people"] = .array(peopleRoles(frontMatter))

        // Body, section by section, with the action-item table enriched.
        var anchors = AnchorSet()
        let renderer = MarkdownHTMLRenderer(rewriteLink: { linkTarget($0, from: entry) })
        let preamble = entry.postmortem.preamble.filter { block in
            if case .heading(level: 1) = block.kind { return false }
            return true
        }
        pm["preamble_html"] = .string(renderer.render(preamble, anchors: &anchors))
        let siteActions = actions(of: entry)
        var sections: [JSONValue] = []
        var toc: [JSONValue] = []
        for section in entry.postmortem.sections {
            let anchor = anchors.claim(section.title)
            var html = "", after = ""
            var isActions = false
            if section.kind == .actionItems, entry.postmortem.actionTable != nil,
               let tableIndex = section.blocks.firstIndex(where: { if case .table = $0.kind { return true } else { return false } }) {
                isActions = true
                html = renderer.render(Array(section.blocks[..<tableIndex]), anchors: &anchors)
                after = renderer.render(Array(section.blocks[(tableIndex + 1)...]), anchors: &anchors)
            } else {
                html = renderer.render(section.blocks, anchors: &anchors)
            }
            let title = section.title
            sections.append(.object([
                "anchor": .string(anchor), "title": .string(title), "body_html": .string(html),
                "after_html": .string(after), "is_actions": .bool(isActions),
            ]))
            toc.append(.object(["anchor": .string(anchor), "title": .string(title)]))
        }
        pm["sections"] = .array(sections)
        pm["toc"] = .array(toc)
        pm["has_toc"] = .bool(toc.count > 1)
        pm["actions"] = .array(siteActions.map { actionRow($0, in: entry) })
        pm["has_actions"] = .bool(!siteActions.isEmpty)
        pm["action_caption"] = .string("Action items with their status")
        pm["show_postmortem"] = .bool(false)
        let overdue = siteActions.filter(\.overdue).count
        pm["has_overdue"] = .bool(overdue > 0)
        pm["overdue_label"] = .string("\(overdue) overdue action\(overdue == 1 ? "" : "s")")

        pm.merge(crossPageDetails(entry), uniquingKeysWith: { $1 })
        return .object(pm)
    }

    /// The members of a postmortem page's `pm` that come from outside its
    /// file: related and similar incidents (titles and pages of others), git
    /// history, and lint findings. `pageInputs` keys the page by them.
    func crossPageDetails(_ entry: SiteEntry) -> [String: JSONValue] {
        let frontMatter = entry.postmortem.frontMatter
        var details: [String: JSONValue] = [:]
        // Related and similar incidents.
        let related = (frontMatter?.strings("related") ?? []).map { id -> JSONValue in
            let target = byID[id]
            return .object(["id": .string(id), "title": .string(target?.title ?? ""), "url": .string(target.map { "../" + $0.url } ?? ""),
                            "has_url": .bool(target != nil)])
        }
        details["related"] = .array(related)
        details["has_related"] = .bool(!related.isEmpty)
        let similarIncidents = (similar?.similar(to: entry.id) ?? []).compactMap { id, score -> JSONValue? in
            guard let target = byID[id], id != entry.id else { return nil }
            return .object(["id": .string(id), "title": .string(target.title), "url": .string("../" + target.url),
                            "score": .string(DisplayFormat.twoDecimals(score))])
        }
        details["similar"] = .array(similarIncidents)
        details["has_similar"] = .bool(!similarIncidents.isEmpty)

        // Git history.
        let commits = entry.history?.commits ?? []
        details["history"] = .array(commits.map { commit in
            .object(["short_id": .string(commit.shortID), "date": .string(DisplayFormat.time(commit.date)),
                     "iso": .string(commit.date.iso8601UTC), "author": .string(commit.author), "summary": .string(commit.summary)])
        })
        details["has_history"] = .bool(!commits.isEmpty)
        var draftedNote = ""
        if let hours = entry.draftedHoursAfterResolution {
            draftedNote = hours >= 0 ? "Drafted \(hours) h after resolution (first commit)."
                                     : "Drafted \(-hours) h before resolution (first commit)."
        }
        details["drafted_note"] = .string(draftedNote)
        details["has_drafted_note"] = .bool(!draftedNote.isEmpty)

        // Lint findings, for postmortems still being written.
        let findings = entry.status == "published" ? [] : entry.findings
        details["findings"] = .array(findings.map { finding in
            .object(["line": .integer(finding.line), "severity": .string(finding.severity.rawValue),
                     "rule": .string(finding.rule), "message": .string(finding.message)])
        })
        details["has_findings"] = .bool(!findings.isEmpty)
        let errors = findings.filter { $0.severity == .error }.count, warnings = findings.filter { $0.severity == .warning }.count
        details["findings_note"] = .string("Lint reports \(DisplayFormat.count(errors, "error")) and \(DisplayFormat.count(warnings, "warning")) in this \(entry.status) postmortem (`postmortem lint \(entry.postmortem.path)`).")
        return details
    }

    private func peopleRoles(_ frontMatter: FrontMatter?) -> [JSONValue] {
        let roles: [(String, [String])] = [
            ("Incident commander", frontMatter?.strings("incident_commander") ?? []),
            ("Authors", frontMatter?.strings("authors") ?? []),
            ("Responders", frontMatter?.strings("responders") ?? []),
            ("Approvers", frontMatter?.strings("approvers") ?? []),
        ]
        return roles.filter { !$0.1.isEmpty }.map { role, handles in
            .object(["role": .string(role), "persons": .array(handles.enumerated().map { index, handle in
                let name = people[handle.lowercased()]?.name
                return .object(["display": .string(name ?? handle), "handle": .string(handle),
                                "has_name": .bool(name != nil), "comma": .bool(index > 0)])
            })])
        }
    }

    /// Impact figures as label/value pairs, numbers grouped by thousands.
    static func impact(_ value: JSONValue?) -> [JSONValue] {
        guard let impact = value?.objectValue else { return [] }
        var pairs: [(String, String)] = []
        if let users = impact["users_affected"]?.doubleValue { pairs.append(("Users affected", grouped(users))) }
        if let revenue = impact["revenue_usd"]?.doubleValue { pairs.append(("Revenue impact", "$" + grouped(revenue))) }
        if let breached = impact["slo_breached"]?.boolValue { pairs.append(("SLO breached", breached ? "yes" : "no")) }
        if let facing = impact["customer_facing"]?.boolValue { pairs.append(("Customer-facing", facing ? "yes" : "no")) }
        if let regions = impact["regions"]?.arrayValue?.compactMap(\.stringValue), !regions.isEmpty {
            pairs.append(("Regions", regions.joined(separator: ", ")))
        }
        return pairs.map { .object(["label": .string($0.0), "value": .string($0.1)]) }
    }

    static func grouped(_ number: Double) -> String {
        guard number.isFinite, abs(number) < 1e15 else { return String(number) }
        let whole = Int(number.rounded())
        var digits = String(abs(whole))
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits = String(digits.dropLast(3))
        }
        return (whole < 0 ? "-" : "") + digits + out
    }

    /// A relative link to another postmortem's Markdown file becomes a link to its page.
    func linkTarget(_ destination: String, from entry: SiteEntry) -> String? {
        guard let path = PostmortemMentions.linkedPath(destination, from: entry.postmortem.path), let target = byPath[path] else { return nil }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let fragment = parts.count > 1 ? "#" + parts[1] : ""
        return "../" + target.url + fragment
    }
}

/// An action item with what the site derives from it.
struct SiteAction: Sendable {
    var item: ActionItem
    var overdue: Bool

    init(item: ActionItem, today: LocalDate) {
        self.item = item
        overdue = item.isOutstanding && (item.dueDate.map { $0 < today } ?? false)
    }

    var owner: String { item.owner ?? "" }
    var status: String { item.status ?? "open" }
    var priority: String { item.priority?.uppercased() ?? "" }
    var isOutstanding: Bool { item.isOutstanding }
}

/// The rendered rows of the list pages, made the first time a page asks:
/// a rebuild whose list pages all come from the cache renders none.
final class RenderedRows: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [String: (top: String, nested: String)]?
    private let make: @Sendable () -> [String: (top: String, nested: String)]

    init(_ make: @escaping @Sendable () -> [String: (top: String, nested: String)]) {
        self.make = make
    }

    subscript(path: String) -> (top: String, nested: String)? {
        lock.lock()
        defer { lock.unlock() }
        if rows == nil { rows = make() }
        return rows![path]
    }
}

import Foundation

/// What a postmortem page (and, below, a list page) is made from, so an
/// incremental build can tell an unchanged page without building its
/// context or rendering it (`PageCache`).
///
/// A postmortem page is a function of: its file (the git blob id of its
/// bytes, `Postmortem.contentID`), its path and page name, what every page
/// shares (`sharedInputs`: site title, navigation, people, section names),
/// which of its action items are overdue (all it takes from today, so a new
/// day rebuilds only the pages where one fell due), and what comes from
/// other files (`crossPageDetails`: related and similar incidents, git
/// history, lint findings) plus where its links to other postmortems lead.
/// The theme and the tool's build are in the cache's
/// salt. Tests build sites incrementally after edits, renames and deletions
/// and compare them byte for byte with clean builds, which catches an input
/// missing from this list.
extension PageContexts {
    /// The canonical bytes of a postmortem page's inputs, or nil when the
    /// file's blob id is unknown (the page is then always rendered).
    func pageInputs(_ entry: SiteEntry) -> [UInt8]? {
        guard let contentID = entry.postmortem.contentID else { return nil }
        var bytes = sharedInputs
        bytes.reserveCapacity(bytes.count + 2048)
        CanonicalBytes.append(contentID, to: &bytes)
        CanonicalBytes.append(entry.postmortem.path, to: &bytes)
        CanonicalBytes.append(entry.slug, to: &bytes)
        CanonicalBytes.append(.array(actions(of: entry).map { .bool($0.overdue) }), to: &bytes)
        CanonicalBytes.append(.object(crossPageDetails(entry)), to: &bytes)
        // A link to another postmortem's file leads to its page: where each
        // link leads now, including "nowhere" (the target may appear later).
        for destination in entry.postmortem.linkDestinations {
            CanonicalBytes.append(linkTarget(destination, from: entry) ?? "\u{0}", to: &bytes)
        }
        return bytes
    }

    /// The inputs every page shares: what `base` puts on each page, the
    /// people shown for handles and the section names that parsing used.
    static func sharedInputs(siteTitle: String, extraPages: [ExtraPage], people: [Person],
                             sectionAliases: [SectionKind: [String]]) -> [UInt8] {
        var bytes: [UInt8] = []
        CanonicalBytes.append(siteTitle, to: &bytes)
        for page in extraPages {
            CanonicalBytes.append(page.title, to: &bytes)
            CanonicalBytes.append(page.path, to: &bytes)
        }
        CanonicalBytes.append("people", to: &bytes)
        for person in people.sorted(by: { $0.handle < $1.handle }) {
            CanonicalBytes.append(.array([.string(person.handle), .string(person.name), .array(person.aliases.map(JSONValue.string))]),
                                  to: &bytes)
        }
        for kind in sectionAliases.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            CanonicalBytes.append(.array([.string(kind.rawValue)] + sectionAliases[kind]!.map(JSONValue.string)), to: &bytes)
        }
        return bytes
    }

    /// The canonical bytes of a page's inputs, with its template; nil for a
    /// page that is always rendered (patterns, whose input is the whole
    /// report) or when the inputs are unknown (no blob ids, no cache).
    func pageInputs(_ page: SiteBuilder.Page, entries: [SiteEntry]) -> (template: String, inputs: [UInt8])? {
        switch page {
        case .postmortem(let index): return pageInputs(entries[index]).map { ("postmortem", $0) }
        case .patterns: return nil
        case .index, .actions, .search, .service, .facet:
            guard let listInputs else { return nil }
            var bytes = sharedInputs
            CanonicalBytes.append(page.identity, to: &bytes)
            // Rows and counts show overdue items, and the action items page says "as of" today.
            CanonicalBytes.append(today.description, to: &bytes)
            bytes += listInputs
            return (page.template, bytes)
        }
    }

    /// What the list pages (index, action items, search, services, browse
    /// pages) take from the entries, one blob id per entry in site order:
    /// of the entry's path, page name, front matter and action items, from which
    /// rows, facets, counts and action rows are all made. The body is not in
    /// it, so an edit of a postmortem's text rebuilds its own page and the
    /// patterns, not the lists. Every list page shares this one digest, since
    /// each shows collection-wide parts (the footer's count, facet counts).
    static func listInputs(_ entries: [SiteEntry], workers: Int) -> [UInt8] {
        let digests = ParallelMap.map(entries, workers: workers) { entry -> String in
            var bytes: [UInt8] = []
            CanonicalBytes.append(entry.postmortem.path, to: &bytes)
            CanonicalBytes.append(entry.slug, to: &bytes)
            CanonicalBytes.append(entry.postmortem.frontMatter?.value ?? .null, to: &bytes)
            CanonicalBytes.append(.array((entry.postmortem.actionTable?.rows ?? []).map { row in
                .object(row.cells.mapValues(JSONValue.string))
            }), to: &bytes)
            return bytes.withUnsafeBytes { GitRepository.blobID(of: $0) }
        }
        var bytes: [UInt8] = []
        CanonicalBytes.append("lists", to: &bytes)
        for digest in digests { CanonicalBytes.append(digest, to: &bytes) }
        return bytes
    }
}

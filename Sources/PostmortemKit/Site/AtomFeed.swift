/// The Atom feed (RFC 4287) of the published postmortems updated most
/// recently (`entryLimit`), newest first.
///
/// Dates come from content and git only: an entry is updated at its last
/// commit (else `resolved`, else `started`), and the feed at its newest
/// entry, falling back to `SOURCE_DATE_EPOCH` and then to 1970.
enum AtomFeed {
    /// How many postmortems the feed lists. Feed readers poll the file and
    /// show what is new; with every postmortem of a large repository it ran
    /// to megabytes (4.5 MB at 10,000). `index.json` lists them all.
    static let entryLimit = 50

    static func render(entries: [SiteEntry], title: String, baseURL: String?, sourceDate: Timestamp?) -> String {
        // Newest update first; ties (and postmortems without dates, last) in site order.
        let published = entries.indices.filter { entries[$0].status == "published" }.sorted { a, b in
            switch (entries[a].updated, entries[b].updated) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a < b
            }
        }.prefix(entryLimit).map { entries[$0] }
        let base = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        let updated = published.compactMap(\.updated).max() ?? sourceDate ?? Timestamp(secondsSince1970: 0)
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "  <title>\(HTML.escape(title))</title>\n"
        out += "  <id>\(HTML.escape(base.isEmpty ? "urn:postmortem:site" : base))</id>\n"
        out += "  <updated>\(updated.iso8601UTC)</updated>\n"
        out += "  <link href=\"\(HTML.escape(base + "index.html"))\"/>\n"
        if !base.isEmpty { out += "  <link rel=\"self\" href=\"\(HTML.escape(base + "feed.xml"))\"/>\n" }
        out += "  <generator>postmortem</generator>\n"
        for entry in published {
            let stamp = entry.updated ?? updated
            let author = entry.postmortem.frontMatter?.strings("authors").first ?? "unknown"
            out += "  <entry>\n"
            out += "    <title>\(HTML.escape("\(entry.id): \(entry.title)"))</title>\n"
            out += "    <id>\(HTML.escape(base.isEmpty ? "urn:postmortem:\(entry.id)" : base + entry.url))</id>\n"
            out += "    <link href=\"\(HTML.escape(base + entry.url))\"/>\n"
            out += "    <updated>\(stamp.iso8601UTC)</updated>\n"
            if let started = entry.started { out += "    <published>\(started.iso8601UTC)</published>\n" }
            out += "    <author><name>\(HTML.escape(author))</name></author>\n"
            for category in [entry.severity] + entry.services {
                out += "    <category term=\"\(HTML.escape(category))\"/>\n"
            }
            let summary = entry.postmortem.summaryText
            out += "    <summary>\(HTML.escape(summary))</summary>\n"
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }
}

/// Hands out unique fragment ids on one page: the first "Timeline" heading
/// gets `timeline`, a second one `timeline-2`. Ids the page template uses are
/// reserved up front so that a heading can never shadow them.
struct AnchorSet {
    private var used: Set<String>

    init(reserved: Set<String> = AnchorSet.templateIDs) {
        used = reserved
    }

    /// Ids the built-in templates give to their own elements.
    static let templateIDs: Set<String> = ["main", "content", "search", "q", "pm-meta", "pm-toc", "pm-body",
                                           "pm-actions", "pm-history", "pm-related", "pm-similar", "pm-findings",
                                           "pm-errors", "top"]

    mutating func claim(_ text: String) -> String {
        let base = HTML.slug(text)
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}

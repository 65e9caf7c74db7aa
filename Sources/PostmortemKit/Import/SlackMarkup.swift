/// Converts Slack's message markup to plain text: `<@U123>` → `@Name`,
/// `<#C1|incidents>` → `#incidents`, `<https://x|label>` → `label (https://x)`,
/// `<!here>` → `@here`, and `&lt;`, `&gt;`, `&amp;` back to characters.
/// Anything it does not recognise is kept as written; it never fails.
enum SlackMarkup {
    /// - Parameter names: Slack user id → display name, for mentions without a label.
    static func plainText(_ text: String, names: [String: String]) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">"), !rest[afterOpen..<close].contains("<"),
                  isEntity(rest[afterOpen..<close]) else {
                out += "<"
                rest = rest[afterOpen...]
                continue
            }
            out += entity(String(rest[afterOpen..<close]), names: names)
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return unescape(out)
    }

    /// Slack escapes a typed `<` as `&lt;`, so brackets are markup; this only
    /// keeps text that cannot be markup (`x < y > z`) as it is.
    private static func isEntity(_ inner: Substring) -> Bool {
        guard let first = inner.first else { return false }
        if "@#!".contains(first) { return true }
        let target = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return target.contains(":") && !target.contains(where: \.isWhitespace)
    }

    private static func entity(_ inner: String, names: [String: String]) -> String {
        let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        let target = String(parts[0])
        let label = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
        switch target.first {
        case "@":
            let id = String(target.dropFirst())
            let name = label.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 } ?? names[id] ?? id
            return "@" + name
        case "#":
            let channel = label ?? String(target.dropFirst())
            return "#" + channel
        case "!":
            // <!here>, <!channel>, <!everyone>, <!subteam^ID|@team>, <!date^…|fallback>.
            if let label { return label }
            let keyword = target.dropFirst().split(separator: "^").first.map(String.init) ?? ""
            return ["here", "channel", "everyone"].contains(keyword) ? "@" + keyword : ""
        default:
            let url = target.hasPrefix("mailto:") ? String(target.dropFirst("mailto:".count)) : target
            guard let label, label != url, label != target else { return url }
            return "\(label) (\(url))"
        }
    }

    /// Slack escapes only these three in message text.
    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

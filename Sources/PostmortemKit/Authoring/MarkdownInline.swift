/// Writes untrusted plain text (a Slack message, a PagerDuty note) as one
/// line of Markdown that renders as the same text: no emphasis, links, HTML,
/// comments or suppressions can be smuggled in, and nothing breaks the line.
enum MarkdownInline {
    /// Longest text kept, in characters; longer text is cut with "…".
    static let maxLength = 500

    /// Backslash-escapes the characters that start inline syntax (CommonMark
    /// allows escaping any ASCII punctuation), collapses whitespace and line
    /// breaks to single spaces, and drops control characters.
    static func escape(_ text: String) -> String {
        var collapsed = ""
        var pendingSpace = false
        var count = 0
        for character in text {
            if character.isWhitespace || character.isNewline {
                pendingSpace = !collapsed.isEmpty
                continue
            }
            if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control || $0.properties.generalCategory == .format && $0 != "\u{200D}" }) {
                continue
            }
            if count + (pendingSpace ? 1 : 0) >= maxLength {
                collapsed += "…"
                break
            }
            if pendingSpace { collapsed += " "; count += 1; pendingSpace = false }
            collapsed.append(character)
            count += 1
        }
        var escaped = ""
        for character in collapsed {
            if MarkdownInline.special.contains(character) { escaped += "\\" }
            escaped.append(character)
        }
        return escaped
    }

    /// `<` covers HTML, comments and autolinks; `[`/`]` links and images;
    /// `*`, `_`, `~` emphasis and strikethrough; `` ` `` code; `&` entities;
    /// `|` table cells; `\` itself.
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "~", "|"]
}

/// Escaping and URL rules for everything the site writes into HTML.
///
/// Every piece of text that comes from a postmortem (titles, names, fields,
/// Markdown text) passes through `escape` before it reaches a page, whether it
/// is element content or an attribute value, so `<script>`, `onerror=` and
/// quotes can never become markup.
public enum HTML {
    /// Replaces `&`, `<`, `>`, `"` and `'` with character references. Safe in
    /// element content and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        var text = text
        let needsWork = text.withUTF8 { bytes in bytes.contains { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 } }
        guard needsWork else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of `text` to `out` with the replacements of `escape`.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var copied = 0
            for index in bytes.indices {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                copied = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        }
    }

    /// Whether a link destination may be written as an `href`: `http`,
    /// `https` and `mailto` URLs, relative paths and `#fragments`. Anything
    /// with another scheme (`javascript:`, `vbscript:`, `data:`, `file:`) is
    /// refused. Control characters and spaces are ignored when finding the
    /// scheme, as browsers ignore them (`java\tscript:`).
    public static func isSafeLink(_ destination: String) -> Bool {
        guard let scheme = scheme(of: destination) else { return true }
        return scheme == "http" || scheme == "https" || scheme == "mailto"
    }

    /// Whether an image source may be written: `http`, `https` or relative.
    public static func isSafeImage(_ source: String) -> Bool {
        guard let scheme = scheme(of: source) else { return !source.isEmpty }
        return scheme == "http" || scheme == "https"
    }

    /// The lower-cased scheme, or nil for a relative reference.
    static func scheme(of destination: String) -> String? {
        var scheme = ""
        for scalar in destination.unicodeScalars {
            if scalar.value <= 0x20 || scalar.value == 0x7F { continue }
            switch scalar {
            case ":": return scheme.lowercased()
            case "/", "?", "#": return nil
            default: scheme.unicodeScalars.append(scalar)
            }
        }
        return nil
    }

    /// A fragment id from heading text: lower-case ASCII letters and digits
    /// joined by hyphens ("Resolution & Recovery" → "resolution-recovery").
    public static func slug(_ text: String, fallback: String = "section") -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            let isWordScalar = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isWordScalar {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? fallback : out
    }

    /// A file-name-safe form of an id or service name: letters, digits, `.`,
    /// `_` and `-` kept, anything else becomes `-`.
    public static func fileName(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let keep = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "-" || scalar == "_" || scalar == "."
            out.unicodeScalars.append(keep ? scalar : "-")
        }
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "item" : out
    }
}

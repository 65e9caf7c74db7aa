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
        var text = text
        // ASCII headings (nearly all) on bytes; lower-casing other text can yield ASCII letters.
        if let ascii = text.withUTF8({ asciiSlug($0) }) { return ascii.isEmpty ? fallback : ascii }
        return unicodeSlug(text, fallback: fallback)
    }

    /// `slug` of ASCII text without the fallback; nil when the text is not all ASCII.
    static func asciiSlug(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingHyphen = false
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
            if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) {
                if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                out.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func unicodeSlug(_ text: String, fallback: String) -> String {
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
    /// `_` and `-` kept, anything else becomes `-` (one per Unicode scalar),
    /// and leading dots dropped. Works on UTF-8 bytes: a scalar outside ASCII
    /// is counted at its first byte.
    public static func fileName(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for byte in bytes {
                let keep = (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                if keep {
                    if byte != UInt8(ascii: ".") || !out.isEmpty { out.append(byte) }
                } else if byte & 0xC0 != 0x80 {
                    out.append(UInt8(ascii: "-"))
                }
            }
            return out.isEmpty ? "item" : String(decoding: out, as: UTF8.self)
        }
    }
}

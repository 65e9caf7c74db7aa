import Foundation

/// An RFC 6901 JSON Pointer, kept as its decoded reference tokens.
///
/// Contract: `JSONPointer(tokens:).description` always yields a canonical
/// pointer string (`""` for the whole document, otherwise `/`-prefixed tokens
/// with `~` escaped as `~0` and `/` as `~1`), so two pointers naming the same
/// location produce the same string. That is what lets the schema compiler
/// use pointer strings as cache keys.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The unescaped reference tokens, outermost first.
    public var tokens: [String]

    public init(tokens: [String] = []) {
        self.tokens = tokens
    }

    /// Parses RFC 6901 pointer text such as `/$defs/actionItem` or `""`.
    ///
    /// Returns `nil` for text that is not a pointer: it does not start with
    /// `/`, or it contains a `~` not followed by `0` or `1`.
    public init?(_ text: String) {
        if text.isEmpty {
            self.tokens = []
            return
        }
        // Work on Unicode scalars, not Characters: a "/" or "~" followed by a
        // combining mark would otherwise hide inside a single grapheme cluster.
        let scalars = text.unicodeScalars
        guard scalars.first == "/" else { return nil }
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        var iterator = scalars.dropFirst().makeIterator()
        while let scalar = iterator.next() {
            switch scalar {
            case "/":
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            case "~":
                switch iterator.next() {
                case "0": current.append("~")
                case "1": current.append("/")
                default: return nil
                }
            default:
                current.append(scalar)
            }
        }
        tokens.append(String(current))
        self.tokens = tokens
    }

    /// Parses a URI fragment holding a pointer (`#/$defs/a%20b` or `/$defs/a%20b`):
    /// percent-decodes first, as RFC 6901 §6 requires for the fragment form.
    public init?(uriFragment: String) {
        var fragment = Substring(uriFragment)
        if fragment.hasPrefix("#") { fragment = fragment.dropFirst() }
        guard let decoded = String(fragment).removingPercentEncoding else { return nil }
        self.init(decoded)
    }

    /// The pointer to a member of the value this pointer addresses.
    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [token])
    }

    /// The pointer to an element of the array this pointer addresses.
    public func appending(_ index: Int) -> JSONPointer {
        appending(String(index))
    }

    public var description: String {
        var text = ""
        for token in tokens {
            text += "/"
            text += JSONPointer.escape(token)
        }
        return text
    }

    /// The value this pointer addresses inside `document`, or `nil` when a token
    /// names a missing member or is not a valid index (RFC 6901 §4: decimal
    /// digits without leading zeros, within bounds).
    public func resolve(in document: JSONValue) -> JSONValue? {
        var current = document
        for token in tokens {
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = JSONPointer.arrayIndex(token), index < elements.count else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    /// Escapes one reference token (`~` → `~0`, `/` → `~1`).
    public static func escape(_ token: String) -> String {
        let scalars = token.unicodeScalars
        guard scalars.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        var escaped = String.UnicodeScalarView()
        for scalar in scalars {
            switch scalar {
            case "~": escaped.append(contentsOf: "~0".unicodeScalars)
            case "/": escaped.append(contentsOf: "~1".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    /// Builds the pointer string for `tokens` appended to `base` (a pointer string)
    /// without materialising a `JSONPointer`.
    static func string(_ base: String, appending token: String) -> String {
        base + "/" + escape(token)
    }

    private static func arrayIndex(_ token: String) -> Int? {
        guard !token.isEmpty, token.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        guard token == "0" || !token.hasPrefix("0") else { return nil }
        return Int(token)
    }
}

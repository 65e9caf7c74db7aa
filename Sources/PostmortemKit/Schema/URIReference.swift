/// A URI reference split into its RFC 3986 components, with reference
/// resolution (RFC 3986 §5.2).
///
/// `$id` and `$ref` values are resolved against the base URI of the schema
/// they appear in. Foundation's `URL(string:relativeTo:)` is not used because
/// its handling of non-hierarchical URIs such as `urn:uuid:…` differs between
/// platforms; this type follows the RFC algorithm exactly and never fails.
struct URIReference: Sendable, Hashable, CustomStringConvertible {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    /// Splits `text` the way RFC 3986 Appendix B's regular expression does;
    /// every string parses (possibly into a relative reference).
    init(_ text: String) {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        // A scheme is a non-empty run before the first ":" that contains no "/".
        if let colon = rest.firstIndex(of: ":"), colon != rest.startIndex,
           !rest[..<colon].contains("/") {
            scheme = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
            authority = String(afterSlashes[..<end])
            rest = afterSlashes[end...]
        }
        path = String(rest)
    }

    private init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// The same URI without its fragment: the key under which a schema resource
    /// is registered.
    var withoutFragment: URIReference {
        var copy = self
        copy.fragment = nil
        return copy
    }

    /// Resolves `reference` against `self` as base URI (RFC 3986 §5.2.2, strict).
    func resolving(_ reference: URIReference) -> URIReference {
        if let referenceScheme = reference.scheme {
            return URIReference(scheme: referenceScheme, authority: reference.authority,
                                path: URIReference.removingDotSegments(reference.path),
                                query: reference.query, fragment: reference.fragment)
        }
        if reference.authority != nil {
            return URIReference(scheme: scheme, authority: reference.authority,
                                path: URIReference.removingDotSegments(reference.path),
                                query: reference.query, fragment: reference.fragment)
        }
        if reference.path.isEmpty {
            return URIReference(scheme: scheme, authority: authority, path: path,
                                query: reference.query ?? query, fragment: reference.fragment)
        }
        let mergedPath: String
        if reference.path.hasPrefix("/") {
            mergedPath = reference.path
        } else if authority != nil && path.isEmpty {
            mergedPath = "/" + reference.path
        } else if let lastSlash = path.lastIndex(of: "/") {
            mergedPath = path[...lastSlash] + reference.path
        } else {
            mergedPath = reference.path
        }
        return URIReference(scheme: scheme, authority: authority,
                            path: URIReference.removingDotSegments(mergedPath),
                            query: reference.query, fragment: reference.fragment)
    }

    var description: String {
        var text = ""
        if let scheme { text += scheme + ":" }
        if let authority { text += "//" + authority }
        text += path
        if let query { text += "?" + query }
        if let fragment { text += "#" + fragment }
        return text
    }

    /// RFC 3986 §5.2.4, written over path segments rather than the RFC's
    /// buffer-shuffling loop; the result is the same.
    private static func removingDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        let isAbsolute = path.hasPrefix("/")
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        // A trailing "." or ".." still leaves the path ending in "/".
        var endsWithSlash = false
        for (offset, segment) in segments.enumerated() {
            if offset == 0 && isAbsolute { continue }  // the empty segment before the leading "/"
            let isLast = offset == segments.count - 1
            switch segment {
            case ".":
                endsWithSlash = isLast
            case "..":
                if !output.isEmpty { output.removeLast() }
                endsWithSlash = isLast
            default:
                output.append(segment)
                endsWithSlash = false
            }
        }
        var result = (isAbsolute ? "/" : "") + output.joined(separator: "/")
        if endsWithSlash && !result.hasSuffix("/") { result += "/" }
        return result
    }
}

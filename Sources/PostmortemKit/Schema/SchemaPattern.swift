import Foundation

/// A compiled `pattern` / `patternProperties` regular expression.
///
/// JSON Schema patterns are ECMA-262 regular expressions; Foundation offers ICU's
/// dialect. They agree on almost everything a schema author writes; where
/// they differ in ways that change results, `icuPattern(fromECMA:)` rewrites
/// the pattern first:
/// - `\d` and `\w` mean ASCII digits / word characters in ECMA-262 but any
///   Unicode digit / letter in ICU;
/// - `$` means end of input in ECMA-262 (without the `m` flag) but ICU also
///   matches before a final line terminator, so `^\d+$` would accept "12\n";
/// - `[` and `&&` inside a character class are literals in ECMA-262 but set
///   operators in ICU;
/// - `[]` (matches nothing) and `[^]` (matches anything) are ECMA-262 idioms
///   ICU rejects;
/// - `\u{…}` is spelled `\x{…}` in ICU.
/// Matching is unanchored, as in ECMA-262's `RegExp.prototype.test`.
///
/// `@unchecked Sendable`: `NSRegularExpression` is immutable after creation
/// and documented as safe to use from multiple threads, but not every
/// Foundation release marks it `Sendable`.
struct SchemaPattern: @unchecked Sendable {
    /// The pattern as written in the schema (used in messages).
    let source: String
    private let regex: NSRegularExpression
    /// The same pattern for the plain matcher, when it is plain enough.
    private let plain: PlainPattern?

    /// Throws `SchemaError` (naming `schemaPointer`) if ICU cannot compile it.
    init(_ source: String, schemaPointer: String) throws {
        self.source = source
        plain = PlainPattern(ecma: source)
        do {
            regex = try NSRegularExpression(pattern: SchemaPattern.icuPattern(fromECMA: source))
        } catch {
            throw SchemaError("invalid regular expression \(SchemaMessages.quote(source))", at: schemaPointer)
        }
    }

    /// Whether the pattern matches anywhere in `string`: without ICU when
    /// the pattern and the text are plain enough (`PlainPattern`).
    func matches(_ string: String) -> Bool {
        if let plain, let answer = plain.matches(string) { return answer }
        return matchesWithICU(string)
    }

    /// Whether ICU's matcher finds the pattern anywhere in `string`.
    func matchesWithICU(_ string: String) -> Bool {
        let range = NSRange(location: 0, length: string.utf16.count)
        return regex.rangeOfFirstMatch(in: string, options: [], range: range).location != NSNotFound
    }

    /// Rewrites the ECMA-262 constructs listed in the type's documentation into
    /// their ICU equivalents; everything else is copied unchanged.
    static func icuPattern(fromECMA pattern: String) -> String {
        var output = ""
        var inClass = false
        var scalars = Array(pattern.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\\" {
                guard let escaped = scalars.popFirst() else {
                    output += "\\"  // a trailing backslash: let ICU report the error
                    break
                }
                switch escaped {
                case "d": output += inClass ? "0-9" : "[0-9]"
                case "D": output += inClass ? "\\D" : "[^0-9]"
                case "w": output += inClass ? "A-Za-z0-9_" : "[A-Za-z0-9_]"
                case "W": output += inClass ? "\\W" : "[^A-Za-z0-9_]"
                case "u" where scalars.first == "{":
                    output += "\\x"
                default:
                    output += "\\"
                    output.unicodeScalars.append(escaped)
                }
                continue
            }
            if inClass {
                switch scalar {
                case "]": inClass = false; output += "]"
                case "[": output += "\\["
                case "&": output += "\\&"
                default: output.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "[":
                if scalars.first == "]" {
                    scalars.removeFirst()
                    output += "(?!)"  // ECMA "[]": an empty class never matches
                } else if scalars.first == "^", scalars.dropFirst().first == "]" {
                    scalars.removeFirst(2)
                    output += "[\\s\\S]"  // ECMA "[^]": any character, newlines included
                } else {
                    inClass = true
                    output += "["
                    if scalars.first == "^" {
                        scalars.removeFirst()
                        output += "^"
                    }
                }
            case "$":
                output += "\\z"
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

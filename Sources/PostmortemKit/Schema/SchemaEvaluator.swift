import Foundation

/// Evaluates an instance against a `CompiledSchema`.
///
/// One evaluator is created per `validate` call and discarded afterwards, so
/// it can keep mutable state (the current instance path, collected
/// violations) while the compiled schema itself stays shared and immutable.
///
/// Every evaluation function takes `collect`:
/// - `true`: record a `SchemaViolation` for every failure and keep going;
/// - `false`: record nothing and return at the first failure. Used for the
///   branches of `anyOf`, `oneOf`, `not`, `if` and `contains`, whose individual
///   failures are not errors in the document (only the combinator's overall
///   result is), and for `JSONSchemaValidator.isValid(_:)`.
/// Invariant: with `collect == true`, a `false` result always comes with at
/// least one recorded violation. The one violation recorded even when
/// `collect` is `false` is hitting `maximumDepth`.
struct SchemaEvaluator {
    /// How many object subschemas may be nested in one evaluation. Only
    /// recursive schemas (`$ref` back to an ancestor) applied to deeply nested
    /// instances get near it (a typical recursion costs two levels per
    /// instance level); it keeps such input from exhausting a thread's stack,
    /// which on secondary threads can be as small as 512 KiB. Measured on
    /// x86_64: about 0.5 KiB of stack per level in release builds and 2.7 KiB
    /// in debug builds, so 128 levels fit with room to spare in both.
    static let maximumDepth = 128

    private enum PathComponent {
        case key(String)
        case index(Int)
    }

    private let nodes: [SchemaNode]
    private(set) var violations: [SchemaViolation] = []
    /// Path from the instance root to the value being evaluated; turned into a
    /// pointer string only when a violation is recorded.
    private var path: [PathComponent] = []
    /// Whether `path` is kept. A pass that only asks "valid or not" reports
    /// nothing, so it skips the bookkeeping (see `JSONSchemaValidator.validate`).
    private let tracksPath: Bool
    private var depth = 0

    init(schema: CompiledSchema, tracksPath: Bool = true) {
        self.nodes = schema.nodes
        self.tracksPath = tracksPath
    }

    /// Violations sorted by `SchemaViolation.isOrderedBefore(_:)`, duplicates
    /// removed (the same subschema can be reached twice, e.g. through two `$ref`s).
    var orderedViolations: [SchemaViolation] {
        var seen = Set<SchemaViolation>()
        return violations.filter { seen.insert($0).inserted }.sorted { $0.isOrderedBefore($1) }
    }

    @inline(never)
    mutating func evaluate(_ nodeIndex: Int, _ instance: JSONValue, collect: Bool) -> Bool {
        let node = nodes[nodeIndex]
        if let constant = node.booleanValue {
            if !constant && collect {
                report("false", schemaPointer: node.pointer, message: "no value is allowed here")
            }
            return constant
        }
        guard depth < SchemaEvaluator.maximumDepth else {
            // Recorded even when not collecting: the cause would otherwise be
            // hidden behind a misleading "anyOf"/"oneOf" message.
            report("$ref", schemaPointer: node.pointer,
                   message: "is nested too deeply to validate (more than \(SchemaEvaluator.maximumDepth) levels of subschemas)")
            return false
        }
        depth += 1
        defer { depth -= 1 }

        var valid = true
        for keyword in node.keywords where !apply(keyword, of: node, instance, collect: collect) {
            valid = false
            if !collect { return false }
        }
        return valid
    }

    // MARK: - Keywords

    // Evaluation recurses through evaluate → apply → (checkObject | checkArray
    // | a combinator) → evaluate, so those functions keep few locals and build
    // no messages inline (debug builds give every local its own stack slot),
    // and the recursive ones are @inline(never): otherwise the optimizer folds
    // evaluate and apply into checkArray/checkObject and the merged frame is
    // about five times larger. Leaf assertions, which never recurse, live in
    // `checkAssertion`.
    @inline(never)
    private mutating func apply(_ keyword: SchemaKeyword, of node: SchemaNode, _ instance: JSONValue, collect: Bool) -> Bool {
        switch keyword {
        case .ref(let target, _):
            return evaluate(target, instance, collect: collect)

        case .properties, .patternProperties, .additionalProperties, .propertyNames, .dependentSchemas:
            guard case .object(let members) = instance else { return true }
            return checkObject(keyword, of: node, members, instance, collect: collect)

        case .prefixItems, .items, .contains:
            guard case .array(let elements) = instance else { return true }
            return checkArray(keyword, of: node, elements, collect: collect)

        case .allOf(let branches):
            // Every branch must hold, so each branch's own violations are the
            // useful report; allOf adds none of its own.
            var valid = true
            for branch in branches where !evaluate(branch, instance, collect: collect) {
                valid = false
                if !collect { return false }
            }
            return valid

        case .anyOf(let branches):
            for branch in branches where evaluate(branch, instance, collect: false) { return true }
            if collect { reportCombinator(keyword, node, matches: 0) }
            return false

        case .oneOf(let branches):
            var matches = 0
            for branch in branches where evaluate(branch, instance, collect: false) {
                matches += 1
                if matches > 1 && !collect { return false }
            }
            if matches == 1 { return true }
            if collect { reportCombinator(keyword, node, matches: matches) }
            return false

        case .not(let disallowed):
            guard evaluate(disallowed, instance, collect: false) else { return true }
            if collect { reportCombinator(keyword, node, matches: 1) }
            return false

        case .conditional(let condition, let then, let otherwise):
            // The condition is a test, not a requirement: its failures are not
            // reported. The chosen branch is a requirement and reports normally.
            let branch = evaluate(condition, instance, collect: false) ? then : otherwise
            guard let branch else { return true }
            return evaluate(branch, instance, collect: collect)

        default:
            return checkAssertion(keyword, of: node, instance, collect: collect)
        }
    }

    /// The keywords that look at the instance itself and never recurse.
    @inline(never)
    private mutating func checkAssertion(_ keyword: SchemaKeyword, of node: SchemaNode, _ instance: JSONValue, collect: Bool) -> Bool {
        switch keyword {
        case .type(let types):
            if types.matches(instance) { return true }
            if collect {
                fail(keyword, node, "must be of type \(SchemaMessages.alternatives(types.names)) (found \(instance.typeName))")
            }
            return false

        case .constant(let expected):
            if SchemaEvaluator.strictlyEqual(instance, expected) { return true }
            if collect { fail(keyword, node, "must be \(SchemaMessages.describe(expected)) (found \(SchemaMessages.describe(instance)))") }
            return false

        case .enumeration(let allowed):
            if allowed.contains(where: { SchemaEvaluator.strictlyEqual(instance, $0) }) { return true }
            if collect {
                let expectation = allowed.isEmpty ? "no value is allowed (\"enum\" is empty)"
                    : allowed.count == 1 ? "must be \(SchemaMessages.enumList(allowed))"
                    : "must be one of \(SchemaMessages.enumList(allowed))"
                fail(keyword, node, "\(expectation) (found \(SchemaMessages.describe(instance)))")
            }
            return false

        case .required(let names):
            guard case .object(let members) = instance else { return true }
            var valid = true
            for name in names where members[name] == nil {
                guard collect else { return false }
                valid = false
                fail(keyword, node, "missing required property \(SchemaMessages.quote(name))", missingProperty: name)
            }
            return valid

        case .dependentRequired(let dependencies):
            guard case .object(let members) = instance else { return true }
            var valid = true
            for (property, requirements) in dependencies where members[property] != nil {
                for name in requirements where members[name] == nil {
                    guard collect else { return false }
                    valid = false
                    fail(keyword, node, "missing property \(SchemaMessages.quote(name)), required when \(SchemaMessages.quote(property)) is present",
                         missingProperty: name)
                }
            }
            return valid

        case .minProperties(let limit), .maxProperties(let limit):
            guard case .object(let members) = instance else { return true }
            return checkCount(members.count, limit, keyword, node, noun: ("property", "properties"), collect: collect)

        case .minItems(let limit), .maxItems(let limit):
            guard case .array(let elements) = instance else { return true }
            return checkCount(elements.count, limit, keyword, node, noun: ("item", "items"), collect: collect)

        case .minLength(let limit), .maxLength(let limit):
            guard case .string(let string) = instance else { return true }
            // JSON Schema counts code points: not UTF-16 units, not grapheme clusters.
            let length = string.unicodeScalars.count
            let tooShort: Bool
            if case .minLength = keyword { tooShort = true } else { tooShort = false }
            if tooShort ? length >= limit : length <= limit { return true }
            if collect {
                fail(keyword, node, "must be at \(tooShort ? "least" : "most") \(SchemaMessages.count(limit, "character", "characters")) long (found \(length))")
            }
            return false

        case .uniqueItems:
            guard case .array(let elements) = instance,
                  let (first, second) = SchemaEvaluator.firstDuplicate(in: elements) else { return true }
            if collect { fail(keyword, node, "must not contain duplicate items (items \(first) and \(second) are equal)") }
            return false

        case .bound(let bound, let limit):
            guard let number = JSONNumber(instance) else { return true }
            let sign = JSONNumber.compare(number, limit)
            let relation: String
            switch bound {
            case .minimum: if sign >= 0 { return true }; relation = "greater than or equal to"
            case .maximum: if sign <= 0 { return true }; relation = "less than or equal to"
            case .exclusiveMinimum: if sign > 0 { return true }; relation = "greater than"
            case .exclusiveMaximum: if sign < 0 { return true }; relation = "less than"
            }
            if collect {
                fail(keyword, node, "must be \(relation) \(SchemaMessages.describe(limit.jsonValue)) (found \(SchemaMessages.describe(instance)))")
            }
            return false

        case .multipleOf(let divisor):
            guard let number = JSONNumber(instance), !number.isMultiple(of: divisor) else { return true }
            if collect {
                fail(keyword, node, "must be a multiple of \(SchemaMessages.describe(divisor.jsonValue)) (found \(SchemaMessages.describe(instance)))")
            }
            return false

        case .format(let format):
            guard case .string(let string) = instance, !format.isValid(string) else { return true }
            if collect { fail(keyword, node, "must be \(format.example) (found \(SchemaMessages.describe(instance)))") }
            return false

        case .pattern(let pattern):
            guard case .string(let string) = instance, !pattern.matches(string) else { return true }
            if collect { fail(keyword, node, "must match the pattern \(pattern.source) (found \(SchemaMessages.describe(instance)))") }
            return false

        default:
            return true
        }
    }

    /// The single violation of a failed `anyOf`, `oneOf` or `not`, standing in
    /// for the (unreported) failures of their branches.
    @inline(never)
    private mutating func reportCombinator(_ keyword: SchemaKeyword, _ node: SchemaNode, matches: Int) {
        switch keyword {
        case .anyOf(let branches):
            fail(keyword, node, "must match at least one of the \(branches.count) allowed forms (matched none)")
        case .oneOf(let branches):
            fail(keyword, node, "must match exactly one of the \(branches.count) allowed forms (matched \(matches == 0 ? "none" : String(matches)))")
        case .not(let disallowed):
            let location = nodes[disallowed].pointer
            fail(keyword, node, "must not match the disallowed schema at \(location.isEmpty ? "#" : location)")
        default:
            break
        }
    }

    private mutating func checkCount(_ count: Int, _ limit: Int, _ keyword: SchemaKeyword, _ node: SchemaNode,
                                     noun: (singular: String, plural: String), collect: Bool) -> Bool {
        let isMinimum: Bool
        switch keyword {
        case .minProperties, .minItems: isMinimum = true
        default: isMinimum = false
        }
        if isMinimum ? count >= limit : count <= limit { return true }
        if collect {
            fail(keyword, node, "must have at \(isMinimum ? "least" : "most") \(SchemaMessages.count(limit, noun.singular, noun.plural)) (found \(count))")
        }
        return false
    }

    private mutating func checkObject(_ keyword: SchemaKeyword, of node: SchemaNode, _ members: [String: JSONValue],
                                      _ instance: JSONValue, collect: Bool) -> Bool {
        var valid = true
        switch keyword {
        case .properties(let properties):
            for (name, child) in properties {
                guard let value = members[name] else { continue }
                if !evaluateChild(child, value, at: .key(name), keyword, collect: collect,
                                  rejection: .property) {
                    valid = false
                    if !collect { return false }
                }
            }

        case .patternProperties(let patterns):
            for (name, value) in members {
                for (pattern, child) in patterns where pattern.matches(name) {
                    if !evaluateChild(child, value, at: .key(name), keyword, collect: collect,
                                      rejection: .property) {
                        valid = false
                        if !collect { return false }
                    }
                }
            }

        case .additionalProperties(let child, let declared, let patterns):
            for (name, value) in members where !declared.contains(name) && !patterns.contains(where: { $0.matches(name) }) {
                if !evaluateChild(child, value, at: .key(name), keyword, collect: collect,
                                  rejection: .unexpectedProperty) {
                    valid = false
                    if !collect { return false }
                }
            }

        case .propertyNames(let child):
            for name in members.keys where !evaluate(child, .string(name), collect: false) {
                valid = false
                guard collect else { return false }
                reportInvalidPropertyName(name, child: child)
            }

        case .dependentSchemas(let dependents):
            for (property, child) in dependents where members[property] != nil {
                if !evaluate(child, instance, collect: collect) {
                    valid = false
                    if !collect { return false }
                }
            }

        default:
            break
        }
        return valid
    }

    private mutating func checkArray(_ keyword: SchemaKeyword, of node: SchemaNode, _ elements: [JSONValue], collect: Bool) -> Bool {
        var valid = true
        switch keyword {
        case .prefixItems(let children):
            for (index, child) in zip(elements.indices, children) {
                if !evaluateChild(child, elements[index], at: .index(index), keyword, collect: collect,
                                  rejection: .item) {
                    valid = false
                    if !collect { return false }
                }
            }

        case .items(let child, let firstIndex):
            for index in elements.indices.dropFirst(firstIndex) {
                if !evaluateChild(child, elements[index], at: .index(index), keyword, collect: collect,
                                  rejection: .extraItem(allowed: firstIndex)) {
                    valid = false
                    if !collect { return false }
                }
            }

        case .contains(let child, let minimum, let maximum):
            var matches = 0
            for (index, element) in elements.enumerated() {
                if tracksPath { path.append(.index(index)) }
                if evaluate(child, element, collect: false) { matches += 1 }
                if tracksPath { path.removeLast() }
                // Enough is known once the minimum is met and no maximum can be exceeded.
                if maximum == nil && matches >= minimum { break }
            }
            if matches < minimum || matches > (maximum ?? Int.max) {
                if collect { reportContains(keyword, node, matches: matches) }
                valid = false
            }

        default:
            break
        }
        return valid
    }

    @inline(never)
    private mutating func reportContains(_ keyword: SchemaKeyword, _ node: SchemaNode, matches: Int) {
        guard case .contains(_, let minimum, let maximum) = keyword else { return }
        let (bound, limit) = matches < minimum ? ("least", minimum) : ("most", maximum ?? Int.max)
        fail(keyword, node, "must contain at \(bound) \(SchemaMessages.count(limit, "item", "items")) matching the \"contains\" schema (found \(matches))")
    }

    /// How to word the rejection of a value whose subschema is `false`.
    private enum Rejection {
        /// `properties`/`patternProperties` entry that is `false`.
        case property
        /// `additionalProperties: false`.
        case unexpectedProperty
        /// `prefixItems` entry that is `false`.
        case item
        /// `items: false` after `allowed` prefix items.
        case extraItem(allowed: Int)
    }

    /// Evaluates `child` against a property value or array item. When the
    /// child schema is `false` the value is simply not allowed there; that is
    /// reported under the parent keyword, worded by `rejection` (e.g.
    /// `unexpected property "foo"`), rather than as an anonymous `false`.
    @inline(never)
    private mutating func evaluateChild(_ child: Int, _ value: JSONValue, at component: PathComponent,
                                        _ keyword: SchemaKeyword, collect: Bool, rejection: Rejection) -> Bool {
        if tracksPath { path.append(component) }
        defer { if tracksPath { path.removeLast() } }
        if nodes[child].booleanValue == false {
            if collect { reportRejection(rejection, of: component, keyword: keyword, child: child) }
            return false
        }
        return evaluate(child, value, collect: collect)
    }

    @inline(never)
    private mutating func reportRejection(_ rejection: Rejection, of component: PathComponent, keyword: SchemaKeyword, child: Int) {
        let message: String
        switch (rejection, component) {
        case (.property, .key(let name)):
            message = "property \(SchemaMessages.quote(name)) is not allowed"
        case (.unexpectedProperty, .key(let name)):
            message = "unexpected property \(SchemaMessages.quote(name))"
        case (.extraItem(let allowed), .index(let index)):
            let limit = allowed == 0 ? "the array must be empty" : "at most \(SchemaMessages.count(allowed, "item", "items")) allowed"
            message = "item \(index) is not allowed (\(limit))"
        case (_, .index(let index)):
            message = "item \(index) is not allowed"
        case (_, .key(let name)):
            message = "property \(SchemaMessages.quote(name)) is not allowed"
        }
        report(keyword.name, schemaPointer: nodes[child].pointer, message: message)
    }

    /// Reports one violation for a property name that fails `propertyNames`,
    /// at the property's pointer, carrying the reasons the name fails.
    private mutating func reportInvalidPropertyName(_ name: String, child: Int) {
        path.append(.key(name))
        defer { path.removeLast() }
        let quotedName = SchemaMessages.quote(name)
        if nodes[child].booleanValue == false {
            report("propertyNames", schemaPointer: nodes[child].pointer, message: "property name \(quotedName) is not allowed")
            return
        }
        let mark = violations.count
        _ = evaluate(child, .string(name), collect: true)
        let reasons = violations[mark...].sorted { $0.isOrderedBefore($1) }.map(\.message)
        violations.removeSubrange(mark...)
        let detail = reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; ")
        report("propertyNames", schemaPointer: nodes[child].pointer, message: "invalid property name \(quotedName)\(detail)")
    }

    // MARK: - Reporting

    @inline(never)
    private mutating func fail(_ keyword: SchemaKeyword, _ node: SchemaNode, _ message: String, missingProperty: String? = nil) {
        report(keyword.name, schemaPointer: JSONPointer.string(node.pointer, appending: keyword.name),
               message: message, missingProperty: missingProperty)
    }

    @inline(never)
    private mutating func report(_ keyword: String, schemaPointer: String, message: String, missingProperty: String? = nil) {
        var pointer = ""
        for component in path {
            switch component {
            case .key(let key): pointer = JSONPointer.string(pointer, appending: key)
            case .index(let index): pointer += "/\(index)"
            }
        }
        violations.append(SchemaViolation(instancePointer: pointer, keyword: keyword, schemaPointer: schemaPointer,
                                          message: message, missingProperty: missingProperty))
    }

    // MARK: - Equality

    /// JSON Schema equality: numbers by mathematical value (`1 == 1.0`), never
    /// `true == 1`; strings by code points. `JSONValue.==` uses Swift string
    /// equality, which treats canonically equivalent strings ("é" precomposed
    /// and decomposed) as equal, so it cannot be used for `const`/`enum`.
    static func strictlyEqual(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)):
            // Byte for byte; through contiguous storage where both have it
            // (every enum check of every front matter comes here).
            var (a, b) = (a, b)
            return a.withUTF8 { left in b.withUTF8 { right in left.elementsEqual(right) } }
        case let (.array(a), .array(b)):
            return a.count == b.count && zip(a, b).allSatisfy { strictlyEqual($0, $1) }
        case let (.object(a), .object(b)):
            return a.count == b.count && a.allSatisfy { key, value in
                guard let other = b[key] else { return false }
                return strictlyEqual(value, other)
            }
        default:
            if let a = JSONNumber(lhs), let b = JSONNumber(rhs) { return JSONNumber.compare(a, b) == 0 }
            return lhs == rhs
        }
    }

    /// The first pair of equal items `(earlier, later)`, or `nil`.
    static func firstDuplicate(in items: [JSONValue]) -> (Int, Int)? {
        // Small arrays: compare pairwise. Larger ones: bucket by JSONValue's
        // hash (equal values always share a bucket, because strict equality
        // implies `==`), then compare strictly within a bucket.
        if items.count <= 16 {
            for later in items.indices {
                for earlier in 0..<later where strictlyEqual(items[earlier], items[later]) {
                    return (earlier, later)
                }
            }
            return nil
        }
        var buckets: [JSONValue: [Int]] = [:]
        for (later, item) in items.enumerated() {
            if let candidates = buckets[item],
               let earlier = candidates.first(where: { strictlyEqual(items[$0], item) }) {
                return (earlier, later)
            }
            buckets[item, default: []].append(later)
        }
        return nil
    }
}

/// Wording helpers shared by violation and schema-error messages.
enum SchemaMessages {
    /// Longest rendering of an instance value inside a message.
    static let maximumLength = 80

    /// `"text"` with JSON-style escapes for quotes, backslashes and control
    /// characters, shortened with `…` when long.
    static func quote(_ string: String) -> String {
        var output = "\""
        var length = 0
        for scalar in string.unicodeScalars {
            if length == maximumLength {
                output += "…"
                break
            }
            length += 1
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    output += String(format: "\\u%04x", scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// A compact JSON-like rendering of `value` for messages, shortened with `…`.
    static func describe(_ value: JSONValue) -> String {
        var output = ""
        render(value, into: &output)
        guard output.unicodeScalars.count > maximumLength else { return output }
        return String(String.UnicodeScalarView(output.unicodeScalars.prefix(maximumLength))) + "…"
    }

    private static func render(_ value: JSONValue, into output: inout String) {
        // Stop early: only the first `maximumLength` characters are shown.
        guard output.utf8.count <= maximumLength * 4 else { return }
        switch value {
        case .string(let string):
            output += quote(string)
        case .array(let elements):
            output += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output += "," }
                render(element, into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (offset, key) in members.keys.sorted().enumerated() {
                if offset > 0 { output += "," }
                output += quote(key) + ":"
                render(members[key] ?? .null, into: &output)
            }
            output += "}"
        default:
            output += value.jsonString()
        }
    }

    /// `enum` values as a list: plain words stay unquoted (`SEV1, SEV2`),
    /// anything else is rendered as JSON; long lists are cut after 20.
    static func enumList(_ values: [JSONValue]) -> String {
        let shown = values.prefix(20).map { value -> String in
            if case .string(let string) = value, isPlainWord(string) { return string }
            return describe(value)
        }
        let rest = values.count - shown.count
        return shown.joined(separator: ", ") + (rest > 0 ? ", … (\(rest) more)" : "")
    }

    private static func isPlainWord(_ string: String) -> Bool {
        !string.isEmpty && string.unicodeScalars.count <= maximumLength && string.unicodeScalars.allSatisfy { scalar in
            !(scalar.properties.isWhitespace || scalar.value < 0x20 || scalar == "," || scalar == "\"" || scalar == "\\")
        }
    }

    /// "a", "a or b", "a, b or c".
    static func alternatives(_ words: [String]) -> String {
        guard words.count > 1, let last = words.last else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + last
    }

    /// "1 item", "2 items".
    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }
}

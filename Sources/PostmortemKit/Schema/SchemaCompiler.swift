import Foundation

/// Turns a schema document into a `CompiledSchema`.
///
/// Compilation walks every subschema reachable through the keywords this
/// validator knows (plus `$defs`/`definitions`), records `$id` and `$anchor`
/// locations, decodes and checks keyword arguments, compiles patterns, then
/// resolves every `$ref` to a node index (compiling ref targets that sit
/// outside the known keywords on demand) and finally rejects `$ref` cycles
/// that would recurse without consuming input. Any problem is a `SchemaError`.
///
/// The walk uses a work list rather than recursion: a subschema gets its node
/// index when its parent is compiled and is compiled itself later, so stack
/// use does not grow with schema depth.
struct SchemaCompiler {
    /// Base URI for a root schema without an absolute `$id`. Hierarchical, so
    /// relative `$id`s and `$ref`s like `node.json` resolve the way authors
    /// expect; `.invalid` is reserved (RFC 2606), so it never names a real host.
    static let defaultBaseURI = URIReference("https://json-schema.invalid/root.json")

    /// Schemas nested deeper than this are rejected. Compilation itself does
    /// not recurse, but evaluation does: with the same limit as the evaluator,
    /// a schema without `$ref`s can never fail at validation time for being
    /// too deep. Real schemas stay far below it.
    static let maximumNesting = SchemaEvaluator.maximumDepth

    private let document: JSONValue
    private var nodes: [SchemaNode?] = []
    private var nodeIndexByPointer: [String: Int] = [:]
    private var registry: SchemaRegistry
    private var patternCache: [String: SchemaPattern] = [:]
    private var pendingReferences: [PendingReference] = []
    /// Subschemas that have a node index but are not compiled yet, first in
    /// first out so that the document is processed (and errors are found) in
    /// breadth-first document order.
    private var workList: [WorkItem] = []
    private var workListHead = 0

    private struct WorkItem {
        var value: JSONValue
        var pointer: JSONPointer
        var base: URIReference
        var index: Int
        var nesting: Int
    }

    private struct PendingReference {
        var node: Int
        var target: URIReference
        var reference: String
        var schemaPointer: String
    }

    /// Keywords that this validator does not implement but that constrain
    /// instances; skipping them would silently accept invalid documents, so
    /// a schema using them is rejected. Values say what to use instead.
    /// (An array, not a dictionary, so the error for a schema using several is deterministic.)
    private static let rejectedKeywords: [(keyword: String, advice: String)] = [
        ("unevaluatedProperties", "is not supported; use \"additionalProperties\""),
        ("unevaluatedItems", "is not supported; use \"items\""),
        ("$dynamicRef", "is not supported; use \"$ref\""),
        ("$recursiveRef", "is not supported; use \"$ref\""),
        ("additionalItems", "is not a draft 2020-12 keyword; use \"items\" after \"prefixItems\""),
        ("dependencies", "is not a draft 2020-12 keyword; use \"dependentRequired\" or \"dependentSchemas\""),
    ]

    static func compile(_ document: JSONValue) throws -> CompiledSchema {
        var compiler = SchemaCompiler(document: document)
        _ = try compiler.reserveNode(document, at: JSONPointer(), base: defaultBaseURI, nesting: 0)
        try compiler.compileWorkList()
        try compiler.resolvePendingReferences()
        let nodes = compiler.nodes.compactMap { $0 }
        // Every reserved slot is filled once the work list is empty.
        precondition(nodes.count == compiler.nodes.count, "schema compiler left a node unfilled")
        try rejectInPlaceCycles(nodes)
        return CompiledSchema(nodes: nodes, nodeIndexByPointer: compiler.nodeIndexByPointer,
                              registry: compiler.registry)
    }

    private init(document: JSONValue) {
        self.document = document
        self.registry = SchemaRegistry(rootBase: SchemaCompiler.defaultBaseURI)
    }

    // MARK: - Walking subschemas

    /// The node index for the subschema at `pointer`, reserving one (and
    /// queueing the subschema for compilation) the first time it is seen.
    private mutating func reserveNode(_ value: JSONValue, at pointer: JSONPointer, base: URIReference, nesting: Int) throws -> Int {
        let key = pointer.description
        if let existing = nodeIndexByPointer[key] { return existing }
        guard nesting < SchemaCompiler.maximumNesting else {
            throw SchemaError("schema is nested more than \(SchemaCompiler.maximumNesting) levels deep", at: key)
        }
        let index = nodes.count
        nodes.append(nil)
        nodeIndexByPointer[key] = index
        workList.append(WorkItem(value: value, pointer: pointer, base: base, index: index, nesting: nesting))
        return index
    }

    private mutating func compileWorkList() throws {
        while workListHead < workList.count {
            let item = workList[workListHead]
            workListHead += 1
            let key = item.pointer.description
            switch item.value {
            case .bool(let constant):
                nodes[item.index] = SchemaNode(pointer: key, booleanValue: constant, keywords: [])
            case .object(let members):
                let keywords = try compileKeywords(members, of: item)
                nodes[item.index] = SchemaNode(pointer: key, booleanValue: nil, keywords: keywords)
            default:
                throw SchemaError("a schema must be an object or a boolean, found \(item.value.typeName)", at: key)
            }
        }
        workList.removeAll()
        workListHead = 0
    }

    private mutating func compileKeywords(_ members: [String: JSONValue], of item: WorkItem) throws -> [SchemaKeyword] {
        let pointer = item.pointer
        for (keyword, advice) in SchemaCompiler.rejectedKeywords where members[keyword] != nil {
            throw SchemaError("\"\(keyword)\" \(advice)", at: pointer.appending(keyword).description)
        }
        let base = try registerIdentifiers(members, at: pointer, base: item.base)
        var keywords: [SchemaKeyword] = []

        // Small helpers that bind the current location.
        func location(_ keyword: String) -> String { pointer.appending(keyword).description }
        func subschema(_ keyword: String) throws -> Int? {
            guard let value = members[keyword] else { return nil }
            return try reserveNode(value, at: pointer.appending(keyword), base: base, nesting: item.nesting + 1)
        }
        func subschemaArray(_ keyword: String) throws -> [Int]? {
            guard let value = members[keyword] else { return nil }
            guard case .array(let elements) = value, !elements.isEmpty else {
                throw SchemaError("\"\(keyword)\" must be a non-empty array of schemas", at: location(keyword))
            }
            return try elements.enumerated().map { offset, element in
                try reserveNode(element, at: pointer.appending(keyword).appending(offset), base: base, nesting: item.nesting + 1)
            }
        }
        func subschemaMap(_ keyword: String) throws -> [(name: String, node: Int)]? {
            guard let value = members[keyword] else { return nil }
            guard case .object(let entries) = value else {
                throw SchemaError("\"\(keyword)\" must be an object whose values are schemas", at: location(keyword))
            }
            // Sorted so that node numbering, and hence evaluation order, is reproducible.
            return try entries.keys.sorted().map { name in
                (name, try reserveNode(entries[name] ?? .bool(true), at: pointer.appending(keyword).appending(name),
                                       base: base, nesting: item.nesting + 1))
            }
        }
        func count(_ keyword: String) throws -> Int? {
            guard let value = members[keyword] else { return nil }
            guard let count = SchemaCompiler.nonNegativeInteger(value) else {
                throw SchemaError("\"\(keyword)\" must be a non-negative integer", at: location(keyword))
            }
            return count
        }

        // Containers of subschemas that are not assertions themselves: compile
        // them so that $ref targets and `validate(_:against:)` can find them.
        _ = try subschemaMap("$defs")
        _ = try subschemaMap("definitions")

        if let value = members["$ref"] {
            guard case .string(let reference) = value else {
                throw SchemaError("\"$ref\" must be a string", at: location("$ref"))
            }
            pendingReferences.append(PendingReference(
                node: item.index,
                target: base.resolving(URIReference(reference)),
                reference: reference, schemaPointer: location("$ref")))
            keywords.append(.ref(target: -1, reference: reference))
        }

        if let value = members["type"] {
            keywords.append(.type(try SchemaCompiler.typeSet(value, at: location("type"))))
        }
        if let value = members["const"] { keywords.append(.constant(value)) }
        if let value = members["enum"] {
            guard case .array(let allowed) = value else {
                throw SchemaError("\"enum\" must be an array", at: location("enum"))
            }
            keywords.append(.enumeration(allowed))
        }

        // Objects
        if let value = members["required"] {
            keywords.append(.required(try SchemaCompiler.stringArray(value, keyword: "required", at: location("required"))))
        }
        if let value = members["dependentRequired"] {
            guard case .object(let entries) = value else {
                throw SchemaError("\"dependentRequired\" must be an object of string arrays", at: location("dependentRequired"))
            }
            let dependencies = try entries.keys.sorted().map { property in
                (property, try SchemaCompiler.stringArray(entries[property] ?? .array([]), keyword: "dependentRequired",
                                                         at: pointer.appending("dependentRequired").appending(property).description))
            }
            keywords.append(.dependentRequired(dependencies))
        }
        if let limit = try count("minProperties") { keywords.append(.minProperties(limit)) }
        if let limit = try count("maxProperties") { keywords.append(.maxProperties(limit)) }
        let properties = try subschemaMap("properties")
        if let properties { keywords.append(.properties(properties)) }
        var patternProperties: [(pattern: SchemaPattern, node: Int)] = []
        if let value = members["patternProperties"] {
            guard case .object(let entries) = value else {
                throw SchemaError("\"patternProperties\" must be an object whose values are schemas", at: location("patternProperties"))
            }
            for source in entries.keys.sorted() {
                let entryPointer = pointer.appending("patternProperties").appending(source)
                let pattern = try compilePattern(source, at: entryPointer.description)
                patternProperties.append((pattern, try reserveNode(entries[source] ?? .bool(true), at: entryPointer,
                                                                   base: base, nesting: item.nesting + 1)))
            }
            keywords.append(.patternProperties(patternProperties))
        }
        if let node = try subschema("additionalProperties") {
            keywords.append(.additionalProperties(node: node, declared: Set(properties?.map(\.name) ?? []),
                                                  patterns: patternProperties.map(\.pattern)))
        }
        if let node = try subschema("propertyNames") { keywords.append(.propertyNames(node: node)) }
        if let dependents = try subschemaMap("dependentSchemas") { keywords.append(.dependentSchemas(dependents)) }

        // Arrays
        if let limit = try count("minItems") { keywords.append(.minItems(limit)) }
        if let limit = try count("maxItems") { keywords.append(.maxItems(limit)) }
        if let value = members["uniqueItems"] {
            guard case .bool(let unique) = value else {
                throw SchemaError("\"uniqueItems\" must be a boolean", at: location("uniqueItems"))
            }
            if unique { keywords.append(.uniqueItems) }
        }
        let prefixItems = try subschemaArray("prefixItems") ?? []
        if !prefixItems.isEmpty { keywords.append(.prefixItems(prefixItems)) }
        if case .array = members["items"] {
            throw SchemaError("\"items\" must be a single schema in draft 2020-12; use \"prefixItems\" for per-position schemas",
                              at: location("items"))
        }
        if let node = try subschema("items") { keywords.append(.items(node: node, firstIndex: prefixItems.count)) }
        if let node = try subschema("contains") {
            let minimum = try count("minContains") ?? 1
            keywords.append(.contains(node: node, minimum: minimum, maximum: try count("maxContains")))
        }

        // Strings
        if let limit = try count("minLength") { keywords.append(.minLength(limit)) }
        if let limit = try count("maxLength") { keywords.append(.maxLength(limit)) }
        if let value = members["pattern"] {
            guard case .string(let source) = value else {
                throw SchemaError("\"pattern\" must be a string", at: location("pattern"))
            }
            keywords.append(.pattern(try compilePattern(source, at: location("pattern"))))
        }
        if case .string(let name) = members["format"], let format = JSONSchemaFormat(rawValue: name) {
            keywords.append(.format(format))
        }

        // Numbers
        for bound in [NumericBound.minimum, .maximum, .exclusiveMinimum, .exclusiveMaximum] {
            guard let value = members[bound.rawValue] else { continue }
            guard let limit = JSONNumber(value) else {
                throw SchemaError("\"\(bound.rawValue)\" must be a number", at: location(bound.rawValue))
            }
            keywords.append(.bound(bound, limit))
        }
        if let value = members["multipleOf"] {
            guard let divisor = JSONNumber(value), divisor.doubleValue > 0, divisor.doubleValue.isFinite else {
                throw SchemaError("\"multipleOf\" must be a number greater than 0", at: location("multipleOf"))
            }
            keywords.append(.multipleOf(divisor))
        }

        // Combinators
        if let branches = try subschemaArray("allOf") { keywords.append(.allOf(branches)) }
        if let branches = try subschemaArray("anyOf") { keywords.append(.anyOf(branches)) }
        if let branches = try subschemaArray("oneOf") { keywords.append(.oneOf(branches)) }
        if let node = try subschema("not") { keywords.append(.not(node)) }
        // "then" and "else" are compiled even without "if": they may be $ref targets.
        let thenNode = try subschema("then")
        let elseNode = try subschema("else")
        if let condition = try subschema("if"), thenNode != nil || elseNode != nil {
            keywords.append(.conditional(if: condition, then: thenNode, else: elseNode))
        }

        // Stable: equal-cost keywords keep the order above.
        let order = keywords.indices.sorted { (keywords[$0].cost, $0) < (keywords[$1].cost, $1) }
        return order.map { keywords[$0] }
    }

    /// Applies `$id`, registers `$anchor`/`$dynamicAnchor`, and returns the base
    /// URI for this schema's own keywords and subschemas.
    private mutating func registerIdentifiers(_ members: [String: JSONValue], at pointer: JSONPointer,
                                              base inheritedBase: URIReference) throws -> URIReference {
        var base = inheritedBase
        if let value = members["$id"] {
            guard case .string(let identifier) = value else {
                throw SchemaError("\"$id\" must be a string", at: pointer.appending("$id").description)
            }
            let resolved = inheritedBase.resolving(URIReference(identifier))
            if let fragment = resolved.fragment, !fragment.isEmpty {
                throw SchemaError("\"$id\" must not have a fragment (use \"$anchor\" to name a subschema)",
                                  at: pointer.appending("$id").description)
            }
            base = resolved.withoutFragment
            if pointer.tokens.isEmpty { registry.rootBase = base }
        }
        if pointer.tokens.isEmpty || members["$id"] != nil {
            try registry.registerResource(base, at: pointer)
        }
        for keyword in ["$anchor", "$dynamicAnchor"] {
            guard let value = members[keyword] else { continue }
            guard case .string(let anchor) = value, !anchor.isEmpty else {
                throw SchemaError("\"\(keyword)\" must be a non-empty string", at: pointer.appending(keyword).description)
            }
            try registry.registerAnchor(anchor, in: base, at: pointer)
        }
        return base
    }

    private mutating func compilePattern(_ source: String, at schemaPointer: String) throws -> SchemaPattern {
        if let cached = patternCache[source] { return cached }
        let pattern = try SchemaPattern(source, schemaPointer: schemaPointer)
        patternCache[source] = pattern
        return pattern
    }

    // MARK: - References

    private mutating func resolvePendingReferences() throws {
        // Compiling a ref target can add references of its own, so drain a queue.
        while let pending = pendingReferences.popLast() {
            let location = try registry.locate(pending.target, reference: pending.reference, at: pending.schemaPointer)
            let targetIndex: Int
            if let existing = nodeIndexByPointer[location.pointer.description] {
                targetIndex = existing
            } else {
                guard let value = location.pointer.resolve(in: document) else {
                    throw SchemaError("cannot resolve $ref \(SchemaMessages.quote(pending.reference)): "
                                      + "nothing at \(location.pointer.description.isEmpty ? "the document root" : location.pointer.description)",
                                      at: pending.schemaPointer)
                }
                // Nesting restarts: the target's depth in the document is not
                // tracked here, and evaluation has its own depth limit anyway.
                targetIndex = try reserveNode(value, at: location.pointer, base: location.base, nesting: 0)
                try compileWorkList()
            }
            // A schema object has at most one "$ref", so its keyword list holds one `.ref`.
            guard let node = nodes[pending.node] else { preconditionFailure("$ref in an unfinished node") }
            let keywords = node.keywords.map { keyword -> SchemaKeyword in
                guard case .ref(_, let reference) = keyword else { return keyword }
                return .ref(target: targetIndex, reference: reference)
            }
            nodes[pending.node] = SchemaNode(pointer: node.pointer, booleanValue: node.booleanValue, keywords: keywords)
        }
    }

    /// Throws if following `$ref`s and in-place applicators (allOf, anyOf,
    /// oneOf, not, if/then/else, dependentSchemas) from some subschema leads
    /// back to it: evaluating it would recurse forever on any instance that
    /// reaches it, e.g. `{"$ref": "#"}`.
    private static func rejectInPlaceCycles(_ nodes: [SchemaNode]) throws {
        enum Mark { case unvisited, inProgress, done }
        var marks = Array(repeating: Mark.unvisited, count: nodes.count)
        // Iterative depth-first search: schemas can be deep, the stack is not.
        for start in nodes.indices where marks[start] == .unvisited {
            var stack: [(node: Int, successors: [Int], next: Int)] = []
            func successors(_ node: Int) -> [Int] { nodes[node].keywords.flatMap(\.inPlaceSubschemas) }
            stack.append((start, successors(start), 0))
            marks[start] = .inProgress
            while !stack.isEmpty {
                let top = stack.count - 1
                guard stack[top].next < stack[top].successors.count else {
                    marks[stack[top].node] = .done
                    stack.removeLast()
                    continue
                }
                let successor = stack[top].successors[stack[top].next]
                stack[top].next += 1
                switch marks[successor] {
                case .done:
                    continue
                case .inProgress:
                    let cycleStart = stack.firstIndex { $0.node == successor } ?? 0
                    let path = (stack[cycleStart...].map(\.node) + [successor]).map { nodes[$0].pointer.isEmpty ? "#" : "#" + nodes[$0].pointer }
                    throw SchemaError("$ref cycle that never reaches a child of the instance: " + path.joined(separator: " → "),
                                      at: nodes[successor].pointer)
                case .unvisited:
                    marks[successor] = .inProgress
                    stack.append((successor, successors(successor), 0))
                }
            }
        }
    }

    // MARK: - Argument decoding

    private static func typeSet(_ value: JSONValue, at schemaPointer: String) throws -> JSONTypeSet {
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let elements) where !elements.isEmpty: names = elements
        default: throw SchemaError("\"type\" must be a type name or a non-empty array of type names", at: schemaPointer)
        }
        var types: JSONTypeSet = []
        for name in names {
            guard case .string(let text) = name, let type = JSONTypeSet(name: text) else {
                throw SchemaError("unknown type \(SchemaMessages.describe(name)); expected one of "
                                  + JSONTypeSet.namedTypes.map(\.name).joined(separator: ", "), at: schemaPointer)
            }
            types.insert(type)
        }
        return types
    }

    private static func stringArray(_ value: JSONValue, keyword: String, at schemaPointer: String) throws -> [String] {
        guard case .array(let elements) = value else {
            throw SchemaError("\"\(keyword)\" must be an array of strings", at: schemaPointer)
        }
        return try elements.map { element in
            guard case .string(let string) = element else {
                throw SchemaError("\"\(keyword)\" must be an array of strings", at: schemaPointer)
            }
            return string
        }
    }

    /// `2` and `2.0` both count; `-1`, `2.5` and `"2"` do not.
    private static func nonNegativeInteger(_ value: JSONValue) -> Int? {
        switch value {
        case .integer(let integer) where integer >= 0:
            return integer
        case .number(let double) where double >= 0 && double.rounded() == double:
            return double < 9.0e18 ? Int(double) : Int.max
        default:
            return nil
        }
    }
}

/// Where the resources (`$id`) and anchors (`$anchor`) of a schema document
/// are, and how a reference string maps onto them.
struct SchemaRegistry: Sendable {
    /// The root schema's base URI: its absolute `$id`, or the default base.
    var rootBase: URIReference
    /// Absolute URI without fragment → pointer of the schema resource it names.
    private var resources: [String: JSONPointer] = [:]
    /// `resource URI#anchor` → pointer of the subschema carrying the anchor.
    private var anchors: [String: JSONPointer] = [:]

    init(rootBase: URIReference) {
        self.rootBase = rootBase
    }

    mutating func registerResource(_ uri: URIReference, at pointer: JSONPointer) throws {
        let key = uri.description
        if let existing = resources[key], existing != pointer {
            throw SchemaError("\"$id\" \(SchemaMessages.quote(key)) is already used at \(existing.description.isEmpty ? "the root" : existing.description)",
                              at: pointer.description)
        }
        resources[key] = pointer
    }

    mutating func registerAnchor(_ anchor: String, in resource: URIReference, at pointer: JSONPointer) throws {
        let key = resource.description + "#" + anchor
        if let existing = anchors[key], existing != pointer {
            throw SchemaError("anchor \(SchemaMessages.quote(anchor)) is defined twice", at: pointer.description)
        }
        anchors[key] = pointer
    }

    /// Finds the document location that the absolute URI `target` (a resolved
    /// `$ref`) names, together with the base URI in effect there.
    func locate(_ target: URIReference, reference: String, at schemaPointer: String) throws(SchemaError) -> (pointer: JSONPointer, base: URIReference) {
        let resource = target.withoutFragment
        let quoted = SchemaMessages.quote(reference)
        guard let resourcePointer = resources[resource.description] else {
            throw SchemaError("cannot resolve $ref \(quoted): \(resource.description) is not part of this schema "
                              + "(only references within the same document are supported)", at: schemaPointer)
        }
        let fragment = target.fragment ?? ""
        if fragment.isEmpty {
            return (resourcePointer, resource)
        }
        let decoded = fragment.removingPercentEncoding ?? fragment
        if decoded.hasPrefix("/") {
            guard let pointer = JSONPointer(uriFragment: fragment) else {
                throw SchemaError("cannot resolve $ref \(quoted): malformed JSON pointer", at: schemaPointer)
            }
            return (JSONPointer(tokens: resourcePointer.tokens + pointer.tokens), resource)
        }
        guard let anchored = anchors[resource.description + "#" + decoded] else {
            throw SchemaError("cannot resolve $ref \(quoted): no \"$anchor\" named \(SchemaMessages.quote(decoded))",
                              at: schemaPointer)
        }
        return (anchored, resource)
    }
}

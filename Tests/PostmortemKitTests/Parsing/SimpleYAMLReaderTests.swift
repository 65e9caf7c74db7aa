import Foundation
import PropertyBased
import Testing
@testable import PostmortemKit

/// The fast front matter reader against its reference, the Yams path: on
/// every document the fast reader accepts, both must give the same JSON and
/// the same positions, and Yams must find nothing wrong.
struct SimpleYAMLReaderTests {
    enum Outcome: Equatable { case fast, fallback }

    /// Compares both readers on `yaml` and says which way it went.
    @discardableResult
    static func compare(_ yaml: String, lineOffset: Int = 1, _ comment: @autoclosure () -> String = "",
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Outcome {
        let reference = FrontMatterParser.readMappingWithYams(yaml: yaml, lineOffset: lineOffset, fallbackLine: 1, what: "front matter")
        guard let fast = SimpleYAMLReader.read(yaml, lineOffset: lineOffset) else { return .fallback }
        let label = "\(comment())\n\(yaml)"
        #expect(reference.problems.isEmpty, "fast path accepted what Yams rejects: \(reference.problems.map(\.message)) \(label)",
                sourceLocation: sourceLocation)
        if let value = reference.value {
            #expect(identical(fast.value, value), "values differ: fast \(fast.value) yams \(value) \(label)", sourceLocation: sourceLocation)
        } else {
            Issue.record("Yams gave no value \(label)", sourceLocation: sourceLocation)
        }
        #expect(byteKeys(fast.locations) == byteKeys(reference.locations),
                "locations differ: fast \(fast.locations.sorted { $0.key < $1.key }) yams \(reference.locations.sorted { $0.key < $1.key }) \(label)",
                sourceLocation: sourceLocation)
        return .fast
    }

    /// `JSONValue`'s `==` lets 1 equal 1.0 and compares strings by canonical
    /// equivalence; the readers must agree exactly.
    static func identical(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.integer(x), .integer(y)): return x == y
        case let (.number(x), .number(y)): return x.bitPattern == y.bitPattern
        case let (.string(x), .string(y)): return x.utf8.elementsEqual(y.utf8)
        case let (.array(x), .array(y)): return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
        case let (.object(x), .object(y)):
            let left = byteKeys(x), right = byteKeys(y)
            return left.count == right.count && left.allSatisfy { key, value in right[key].map { identical(value, $0) } ?? false }
        default: return false
        }
    }

    static func byteKeys<Value>(_ dictionary: [String: Value]) -> [[UInt8]: Value] {
        Dictionary(uniqueKeysWithValues: dictionary.map { (Array($0.key.utf8), $0.value) })
    }

    /// The YAML between the fences, prepared as `PostmortemParser` prepares it.
    static func frontMatter(of file: URL) -> String? {
        guard let data = try? Data(contentsOf: file), var text = String(validating: data, as: UTF8.self) else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        guard case .success(let split) = FrontMatterParser.split(lines: text.split(separator: "\n", omittingEmptySubsequences: false))
        else { return nil }
        return split.yaml
    }

    static func files(under directory: URL, extensions: Set<String>) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { extensions.contains($0.pathExtension) }.sorted { $0.path < $1.path }
    }

    // MARK: Real documents

    @Test func samplePostmortemsAllTakeTheFastPathAndAgree() throws {
        let files = Self.files(under: TestLint.packageRoot.appendingPathComponent("postmortems"), extensions: ["md"])
            .filter { $0.lastPathComponent != "README.md" }
        #expect(files.count >= 10)
        for file in files {
            let yaml = try #require(Self.frontMatter(of: file), "\(file.path)")
            #expect(Self.compare(yaml, file.path) == .fast, "\(file.path) fell back")
        }
    }

    @Test func fixturesAgreeWhereTheFastPathTakesThem() {
        let files = Self.files(under: TestLint.packageRoot.appendingPathComponent("Tests/Fixtures"), extensions: ["md"])
        #expect(files.count >= 50)
        var fast = 0
        for file in files {
            guard let yaml = Self.frontMatter(of: file) else { continue }
            if Self.compare(yaml, file.path) == .fast { fast += 1 }
        }
        // Most fixtures are well-formed; the rest are broken on purpose and go to Yams.
        #expect(fast * 2 > files.count, "only \(fast) of \(files.count) fixtures took the fast path")
    }

    /// Config files and the built-in word lists are read by the same function.
    @Test func configFilesAndWordListsAgree() {
        let root = TestLint.packageRoot
        var files = Self.files(under: root.appendingPathComponent("Sources/PostmortemKit/Resources"), extensions: ["yml", "yaml"])
        files += Self.files(under: root.appendingPathComponent("Tests/Fixtures"), extensions: ["yml", "yaml"])
        files.append(root.appendingPathComponent(".postmortem.yml"))
        #expect(files.count >= 8)
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            Self.compare(text.replacingOccurrences(of: "\r\n", with: "\n"), lineOffset: 0, file.path)
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func generatedCorpusAllTakesTheFastPathAndAgrees() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fm-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [TestLint.packageRoot.appendingPathComponent("Scripts/generate-corpus").path, directory.path, "--count", "300"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let files = Self.files(under: directory.appendingPathComponent("postmortems"), extensions: ["md"])
        #expect(files.count == 300)
        for file in files {
            let yaml = try #require(Self.frontMatter(of: file))
            #expect(Self.compare(yaml, file.lastPathComponent) == .fast, "\(file.lastPathComponent) fell back")
        }
        let config = try String(contentsOf: directory.appendingPathComponent(".postmortem.yml"), encoding: .utf8)
        #expect(Self.compare(config, lineOffset: 0) == .fast)
    }

    // MARK: Hand-picked cases

    /// Documents inside the subset: the fast path must take them.
    static let accepted: [String] = [
        "id: PM-1\ntitle: \"Quoted: with colon\"\nservices: [a, b]",
        "a: 1\nb: -2\nc: 0x1F\nd: 0o7\ne: 012\nf: 1_000\ng: 1e3\nh: 1.5e3\ni: .5\nj: -.5\nk: +3\nl: 0b101\nm: 99999999999999999999",
        "a: ~\nb: null\nc: NULL\nd: true\ne: False\nf: yes\ng: No\nh: on\ni: OFF\nj: .inf\nk: -.Inf\nl: .NaN\nm:",
        "when: 2025-03-14\nat: 2025-03-14T09:00:00Z\nlocal: 2025-03-14 09:00:00 +01:00",
        "url: http://example.com/a?b=c#frag\nhash: a#b\nnote: a # trailing comment\nspaces: a   b   \n",
        "# leading comment\n\nid: x   # why\n\n  # indented comment\nz: 'it''s'\n",
        "impact:\n  users_affected: 10\n  regions:\n    - eu-west\n    - us-east\n  slo_breached: true\nafter: 1",
        "services:\n- a\n- b\nnext: x",
        "action_items:\n  - title: Fix it\n    owner: \"@sre\"\n    due: 2025-04-01\n  - title: Test it\n    owner: '@qa'\n",
        "people:\n- name: Ana\n  roles: [ic, scribe]\n- {name: Bo, roles: []}\n",
        "impact: {users_affected: 85877, slo_breached: true}\nx: {}\ny: []\nz: [[a, b], {c: d}]",
        "\"@alice\": { name: Alice Example }\n'@bob': {name: \"Bob\"}",
        "clé: café\nemoji: 🚨 alert\n日本: 語\nnested:\n  ключ: [é, ü]",
        "key with spaces: value with spaces\nkey2  : spaced colon",
        "escapes: \"tab\\there \\\"q\\\" \\\\ \\/ \\u00e9 \\x41 \\U0001F6A8 \\N \\_ \\L \\P\"",
        "a/b: 1\nc~d: 2\nnested:\n  e/f~g: [x]",
        "  indented: root\n  second: 2",
        "a:\n  b:\n    c:\n      d: deep",
        "list:\n  -   spaced: entry\n      more: 2\n  - -x\n",
        "empty_string: ''\nempty_double: \"\"\nkey: -\"x\"",
        "1: one\ntrue: yes\n~: tilde\n0x10: hex",
        "\"a\" : b\n'c'   : d\ne: \"f\"   # comment\ng: [h]  # comment",
        "m: {a : 1, é: 2, \"🚨\": 3, b: [🚨, c]}\nn: [-1, -x, 'q', \"r\", {s: t}]",
        "seq:\n  - \"quoted\"\n  - [a]\n  - {a: 1}\n  - 'x': y\n  - \"z\" : w",
        "a#b: 1\na:b: 2\na\"b: 3\n.dot: 4\n\u{A0}nbsp: 5",
    ]

    @Test(arguments: accepted)
    func subsetDocumentsTakeTheFastPathAndAgree(_ yaml: String) {
        #expect(Self.compare(yaml) == .fast)
    }

    /// Documents outside the subset (or invalid): the fast path must refuse them.
    static let refused: [String] = [
        "", "# only a comment", "- a\n- b", "just a scalar",
        "a: &x 1\nb: *x", "a: !!str 1", "a: |\n  text", "a: >\n  text", "a: b\n  continued",
        "a: [b,\n  c]", "? complex\n: key", "a:\tb", "\ta: b", "---\na: b", "a: b\n...", "%YAML 1.2\na: b",
        "a: b\na: c", "m: {a: 1, a: 2}", "a: 'unterminated", "a: \"bad \\q\"", "a: \"nul \\0\"",
        "a: @alice", "a: `x`", "a: b: c", "a: x:", "list:\n  -\n  - b", "list:\n  - - nested", "<<: {a: 1}",
        "a: [b, ]", "a: [b, , c]", "a: [b: c]", "a: {b: 2024-01-01T10:00:00Z}", "a: [x#y]", "a: [b] c", "a: 'x' y",
        "a: b\r\nc: d", "a: \u{85}", "a: \u{2028}", "a: \u{FEFF}x", "a: \u{7F}",
        "a:\n  b: 1\n c: 2", "a:\n  - x\n  b: 1", "a: b\n  # comment\n  c",
    ]

    @Test(arguments: refused)
    func otherDocumentsFallBackToYams(_ yaml: String) {
        #expect(SimpleYAMLReader.read(yaml, lineOffset: 1) == nil)
    }

    @Test func readMappingReportsYamlErrorsAsBefore() {
        for yaml in Self.refused {
            let fast = FrontMatterParser.readMapping(yaml: yaml, lineOffset: 1, fallbackLine: 1, what: "front matter")
            let reference = FrontMatterParser.readMappingWithYams(yaml: yaml, lineOffset: 1, fallbackLine: 1, what: "front matter")
            #expect(fast.problems.map(\.message) == reference.problems.map(\.message))
            #expect(fast.problems.map(\.location) == reference.problems.map(\.location))
        }
    }

    /// `split` slices the fences' text out of the file when the lines come
    /// from one string, and joins them otherwise; both must give the same text.
    @Test func splitGivesTheSameTextForLinesOfOneStringAndForLooseLines() throws {
        let text = "---\nid: PM-1\n\ntitle: é\n---\n\n# Title\nbody"
        let sliced = FrontMatterParser.split(lines: text.split(separator: "\n", omittingEmptySubsequences: false))
        let loose = FrontMatterParser.split(lines: text.components(separatedBy: "\n").map { Substring($0) })
        let (a, b) = (try sliced.get(), try loose.get())
        #expect(a.yaml == "id: PM-1\n\ntitle: é" && b.yaml == a.yaml)
        #expect(a.body == "\n# Title\nbody" && b.body == a.body)
        #expect(a.closingLine == 5 && b.closingLine == 5 && a.bodyFirstLine == 6)
        // Lines of one string, but not all of them: the text between must not leak in.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let gapped = FrontMatterParser.split(lines: [lines[0], lines[1], lines[3], lines[4], lines[7]])
        #expect(try gapped.get().yaml == "id: PM-1\ntitle: é")
        #expect(try gapped.get().body == "body")
    }

    // MARK: Random documents

    @Test func randomSubsetDocumentsTakeTheFastPathAndAgree() async {
        await propertyCheck(count: 400, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = FrontMatterGenerator(seed: seed, mutate: false)
            let yaml = generator.document()
            #expect(Self.compare(yaml, "seed \(seed)") == .fast, "seed \(seed) fell back:\n\(yaml)")
        }
    }

    @Test func randomMutatedDocumentsAgreeOrFallBack() async {
        let taken = Counter()
        await propertyCheck(count: 1_500, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = FrontMatterGenerator(seed: seed, mutate: true)
            let yaml = generator.document()
            if Self.compare(yaml, "seed \(seed)") == .fast { taken.add() }
        }
        // Mutations must leave enough documents in the subset to test it.
        #expect(taken.value > 150, "only \(taken.value) mutated documents took the fast path")
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() {
            lock.lock()
            count += 1
            lock.unlock()
        }
        var value: Int {
            lock.lock()
            defer { lock.unlock() }
            return count
        }
    }
}

/// Random front matter in the fast reader's subset, optionally mutated with
/// the things real files hold (and some that leave the subset).
struct FrontMatterGenerator {
    var random: SeededGenerator
    let mutate: Bool

    init(seed: UInt64, mutate: Bool) {
        random = SeededGenerator(seed: seed)
        self.mutate = mutate
    }

    mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    static let keys = ["id", "title", "status", "severity", "services", "started", "tags", "impact", "users_affected",
                       "incident commander", "key with  spaces", "clé", "日本", "a/b", "x~y", "1", "true", "null", "k-e_y.z",
                       "\"quoted key\"", "'single key'", "\"@alice\"", "\"a: b\"", "\"\"", "'it''s'"]
    /// Plain and quoted scalars that stay inside the subset wherever they appear.
    static let scalars = ["PM-2025-001", "word", "two words", "a   b", "published", "SEV1", "0", "42", "-7", "+3", "1_000", "012",
                          "0x10", "0xFF", "0b101", "0o17", "0009", "08", "-0", "123456789012345678", "9223372036854775808", "1__2", "0x_1", "-0x1A", "1e3", "1.5", "1.5e3", ".5", "-.5", "6.8523015e+5", "1.", "1..2", "1e",
                          "2025-03-14", "~", "null", "Null", "NULL", "true", "True", "False", "FALSE",
                          "yes", "No", "on", "Off", "y", "n", ".inf", "-.Inf", ".NaN", "é", "🚨 down", "ünïcödé", "日本語",
                          "\"@alice\"", "'@bob'", "\"quoted: colon\"", "'single # hash'", "'it''s'", "\"esc \\\" \\\\ \\u00e9\"",
                          "\"\"", "''", "\"1e3\"", "'true'", "-x", "a-b", "a'b", "a\"b", "x.y", "$money", "50%", "(paren)", "<tag>",
                          "a=b", "=", "+", "."]
    /// Scalars valid in block context only (they hold `:` `#` or flow indicators).
    static let blockScalars = ["http://example.com/a", "a:b", "a#b", "a, b", "a [b] {c}", "10:30", "2025-03-14T09:00:00Z", "2025-03-14 09:00:00 +01:00"]
    /// Things outside the subset, most of them YAML errors or other constructs.
    static let foreign = ["@alice", "&a x", "*a", "!tag x", "|", ">", "`x`", "%x", "- x", "?x", ":x", "x:", "a: b", "'open", "\"open",
                          "\"\\q\"", "[a", "{a: 1", "[a, ]", "{a}", "[a: b]", "x\ty", "\u{85}", "\u{FEFF}", "? x"]

    mutating func scalar(inFlow: Bool) -> String {
        if mutate && chance(4) { return pick(Self.foreign) }
        if !inFlow && chance(15) { return pick(Self.blockScalars) }
        return pick(Self.scalars)
    }

    mutating func flowSequence(depth: Int) -> String {
        let items = (0..<below(4)).map { _ in depth < 2 && chance(10) ? flowSequence(depth: depth + 1) : scalar(inFlow: true) }
        return "[" + items.joined(separator: pick([", ", ",", " , "])) + "]"
    }

    mutating func flowMapping() -> String {
        var used: Set<String> = []
        var pairs: [String] = []
        for _ in 0..<below(4) {
            let key = pick(["a", "b", "users_affected", "slo_breached", "name", "\"q k\""])
            guard used.insert(key).inserted || (mutate && chance(20)) else { continue }
            pairs.append("\(key): \(chance(20) ? flowSequence(depth: 1) : scalar(inFlow: true))")
        }
        return pick(["{", "{ "]) + pairs.joined(separator: ", ") + pick(["}", " }"])
    }

    /// Lines of a mapping at `indent`, each key unique unless a mutation repeats one.
    mutating func mapping(indent: Int, depth: Int, firstPrefix: String? = nil) -> [String] {
        var lines: [String] = []
        var used: Set<String> = []
        let count = 1 + below(depth == 0 ? 8 : 4)
        for index in 0..<count {
            let key = pick(Self.keys)
            guard used.insert(Self.unquoted(key)).inserted || (mutate && chance(10)) else { continue }
            let pad = index == 0 && firstPrefix != nil ? firstPrefix! : String(repeating: " ", count: indent)
            let head = pad + key + ":"
            switch below(depth >= 2 ? 4 : 7) {
            case 0, 1:
                lines.append(head + " " + scalar(inFlow: false))
            case 2:
                lines.append(head + " " + flowSequence(depth: 0))
            case 3:
                lines.append(head + (chance(50) ? " " + flowMapping() : pick(["", " ", " # nothing"])))
            case 4:
                lines.append(head)
                let step = pick([0, 2, 4])
                for _ in 0..<(1 + below(4)) { lines.append(String(repeating: " ", count: indent + step) + "- " + scalar(inFlow: false)) }
            case 5:
                lines.append(head)
                lines += mapping(indent: indent + pick([2, 4]), depth: depth + 1)
            default:
                lines.append(head)
                let step = pick([0, 2])
                for _ in 0..<(1 + below(3)) {
                    let dash = String(repeating: " ", count: indent + step) + "- "
                    lines += mapping(indent: indent + step + 2, depth: depth + 2, firstPrefix: dash)
                }
            }
        }
        return lines
    }

    static func unquoted(_ key: String) -> String {
        key.count >= 2 && (key.hasPrefix("\"") || key.hasPrefix("'")) ? String(key.dropFirst().dropLast()) : key
    }

    mutating func document() -> String {
        var lines = mapping(indent: 0, depth: 0)
        if chance(20) { lines.insert("# " + pick(["comment", "é 🚨", "key: value"]), at: below(lines.count + 1)) }
        if chance(20) { lines.insert(pick(["", "   ", "  # indented comment"]), at: below(lines.count + 1)) }
        if chance(20) { lines = lines.map { $0 + (chance(30) ? pick([" ", "   "]) : "") } }
        if chance(20) { lines = lines.map { chance(20) ? $0 + pick([" # note", "  #: colon comment", " #"]) : $0 } }
        guard mutate else { return lines.joined(separator: "\n") }
        for _ in 0..<below(3) {
            let at = below(lines.count)
            switch below(9) {
            case 0: lines[at] = " " + lines[at]                                  // indentation off by one
            case 1: lines[at] = String(lines[at].dropFirst())
            case 2: lines.insert(lines[at], at: at)                              // duplicate key or entry
            case 3: lines[at] += pick(["#x", " #x", ": y", " x", "\t", ",", "]", "'"])
            case 4: lines.insert(pick(["---", "...", "  continued", "- stray", "\t", "%TAG"]), at: at)
            case 5:
                var characters = Array(lines[at])
                if !characters.isEmpty { characters[below(characters.count)] = pick(["\"", "'", ":", "#", " ", "é", "[", "{", "-", "&"]) }
                lines[at] = String(characters)
            case 6: lines[at] = lines[at].replacingOccurrences(of: ": ", with: ":")
            case 7: lines.remove(at: at); if lines.isEmpty { lines = ["a: b"] }
            default: lines[at] = lines[at].replacingOccurrences(of: " ", with: "  ")
            }
        }
        return lines.joined(separator: "\n")
    }
}

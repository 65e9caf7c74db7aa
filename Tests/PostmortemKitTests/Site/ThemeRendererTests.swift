import Foundation
import Mustache
import PropertyBased
import Testing
@testable import PostmortemKit

/// The fast template renderer against swift-mustache, its reference: the
/// built-in theme on every page of the sample site, random templates in the
/// covered subset with random contexts, and fallback outside it.
struct ThemeRendererTests {
    @Test func builtInThemeTakesTheFastPathAndAgreesOnEverySamplePage() throws {
        var options = SiteOptions(load: LoadOptions(workingDirectory: TestLint.packageRoot),
                                  output: URL(fileURLWithPath: "/nonexistent/_site"), today: SiteBuilderTests.today)
        options.includeDrafts = true
        var timings: [(BuildStage, Double)] = []
        let site = try SiteBuilder(options: options).generate(timings: &timings)
        #expect(site.theme.renderer != nil)
        var compared = 0
        for page in SiteBuilder.pages(for: site.entries) {
            let (template, context) = site.contexts.page(page, entries: site.entries)
            let fast = site.theme.render(template, context), reference = site.theme.renderWithLibrary(template, context)
            #expect(fast == reference, "\(page.path(entries: site.entries)) differs")
            compared += 1
        }
        for entry in site.entries {
            let context = site.contexts.row(entry, root: "../")
            #expect(site.theme.render("postmortem-row", context) == site.theme.renderWithLibrary("postmortem-row", context))
        }
        #expect(compared > site.entries.count)
    }

    @Test func randomTemplatesAndContextsAgreeWithSwiftMustache() async {
        let taken = SimpleYAMLReaderTests.Counter()
        await propertyCheck(count: 1_500, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = TemplateGenerator(seed: seed)
            let templates = ["b": generator.template(depth: 0, partials: []),
                             "a": generator.template(depth: 0, partials: ["b"]),
                             "main": generator.template(depth: 0, partials: ["a", "b"])]
            var library = MustacheLibrary()
            for (name, text) in templates {
                // Only templates swift-mustache accepts reach the renderer (Theme parses with it first).
                guard let template = try? MustacheTemplate(string: text) else { return }
                library.register(template, named: name)
            }
            guard let renderer = ThemeRenderer(templates: templates) else {
                Issue.record("seed \(seed): the subset fell back\n\(templates)")
                return
            }
            for _ in 0..<4 {
                let context = generator.context(depth: 0)
                let reference = library.render(Theme.mustacheValue(context), withTemplate: "main") ?? ""
                let fast = String(decoding: renderer.render("main", context) ?? [], as: UTF8.self)
                if reference.contains("&quot;: ") || reference.contains("\": ") {
                    // A whole object was printed: Swift's dictionary description
                    // lists keys in hash order, which differs between any two
                    // dictionaries, so only the characters can be compared.
                    #expect(fast.sorted() == reference.sorted(), "seed \(seed)\ntemplates: \(templates)\ncontext: \(context)")
                } else {
                    #expect(fast == reference, "seed \(seed)\ntemplates: \(templates)\ncontext: \(context)")
                }
            }
            taken.add()
        }
        #expect(taken.value > 1_000, "only \(taken.value) generated themes were compared")
    }

    @Test(arguments: ["{{=<% %>=}}<% a %>", "{{uppercased(a)}}", "{{#first()}}x{{/first()}}", "{{% CONTENT_TYPE: TEXT }}{{a}}",
                      "{{<parent}}{{$b}}x{{/b}}{{/parent}}", "{{$block}}x{{/block}}", "{{>*dynamic}}", "line\r\n{{a}}\r\n"])
    func templatesOutsideTheSubsetFallBackToSwiftMustache(_ template: String) throws {
        #expect(ThemeRenderer(templates: ["main": template]) == nil)
        // The theme refuses partials it cannot find, dynamic ones included.
        guard !template.contains(">*") else { return }
        // A theme using them still renders, through swift-mustache.
        var files = EmbeddedTheme.files.mapValues { $0 + "\n" }
        files["footer.mustache"] = template
        let theme = try Theme(files: files, overridden: ["footer.mustache"])
        #expect(theme.renderer == nil)
        let context = JSONValue.object(["a": .string("<b>")])
        #expect(theme.render("footer", context) == theme.renderWithLibrary("footer", context))
    }

    @Test func byteEscapingMatchesAScalarByScalarEscape() async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var random = SeededGenerator(seed: seed)
            let pieces = ["a", "<", ">", "&", "\"", "'", "é", "日本", "\n", " ", "&amp;", "👩‍💻"]
            let text = (0..<Int(random.next() % 20)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            var out: [UInt8] = []
            HTML.appendEscaped(text, to: &out)
            // Reference: the five replacements scalar by scalar.
            let expected = text.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "&": return "&amp;"
                case "<": return "&lt;"
                case ">": return "&gt;"
                case "\"": return "&quot;"
                case "'": return "&#39;"
                default: return String(scalar)
                }
            }.joined()
            #expect(String(decoding: out, as: UTF8.self) == expected)
            #expect(HTML.escape(text) == expected)
        }
    }
}

/// Random templates in the renderer's subset, with the whitespace that
/// decides standalone tags (indentation, tags alone on a line, text after
/// tags), and random JSON contexts over the same names.
struct TemplateGenerator {
    var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    static let names = ["a", "b", "list", "flag", "obj", "n", "missing"]
    static let paths = names + ["obj.a", "obj.list", "list.a", ".a", ".", "obj.obj.b"]
    static let texts = ["x", "hello ", " ", "  ", "\t", "\n", "\n", "  \n", "<&>\"'", "é", "{", "}", " { ", "a}b", "日本"]

    mutating func template(depth: Int, partials: [String]) -> String {
        var out = ""
        for _ in 0..<(1 + below(6)) { out += piece(depth: depth, partials: partials) }
        return out
    }

    /// Whitespace that may make the next tag standalone.
    mutating func lead() -> String { pick(["", "", "\n", "\n  ", "  ", "\t", "x "]) }
    mutating func trail() -> String { pick(["", "", "\n", " \n", " x", "  "]) }

    mutating func piece(depth: Int, partials: [String]) -> String {
        switch below(10) {
        case 0, 1: return pick(Self.texts)
        case 2: return lead() + pick(["{{", "{{ "]) + pick(Self.paths) + pick(["}}", " }}"]) + trail()
        case 3: return lead() + (below(2) == 0 ? "{{{\(pick(Self.paths))}}}" : "{{& \(pick(Self.paths))}}") + trail()
        case 4 where depth < 3, 5 where depth < 3:
            let name = pick(Self.paths.filter { $0 != "." && $0 != ".a" } + ["."])
            let sigil = pick(["#", "^"])
            return lead() + "{{\(sigil)\(name)}}" + trail() + template(depth: depth + 1, partials: partials) + lead() + "{{/\(name)}}" + trail()
        case 6: return lead() + "{{! a comment }}" + trail()
        case 7 where !partials.isEmpty: return lead() + "{{> \(pick(partials))}}" + trail()
        default: return pick(Self.texts)
        }
    }

    mutating func context(depth: Int) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for name in Self.names where name != "missing" && below(4) != 0 { members[name] = value(depth: depth) }
        return .object(members)
    }

    mutating func value(depth: Int) -> JSONValue {
        switch below(depth < 2 ? 9 : 6) {
        case 0: return .string(pick(["", "text", "<b>&'\"", "line\nline\n", "é", "  "]))
        case 1: return .integer(pick([0, 1, -5, 42]))
        case 2: return .number(pick([0.5, 1e-5, 2.0, -0.0]))
        case 3: return .bool(below(2) == 0)
        case 4: return .null
        case 5: return .string("v\(below(10))")
        case 6, 7: return .array((0..<below(4)).map { _ in below(3) == 0 ? value(depth: depth + 1) : context(depth: depth + 1) })
        default: return context(depth: depth + 1)
        }
    }
}

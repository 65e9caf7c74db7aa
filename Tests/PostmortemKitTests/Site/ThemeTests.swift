import Foundation
import Testing
@testable import PostmortemKit

struct ThemeTests {
    func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        for (name, text) in files {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return url
    }

    @Test func builtInThemeLoadsAndHasEveryPage() throws {
        let theme = try Theme.builtIn()
        for page in Theme.pageTemplates { #expect(theme.files[page + ".mustache"] != nil) }
        #expect(theme.assets.map(\.path) == ["assets/site.js", "assets/style.css"])
    }

    @Test func repositoryFilesOverrideByName() throws {
        let url = try folder(["footer.mustache": "<footer>{{footer_note}} custom</footer></body></html>\n", "logo.svg": "<svg/>"])
        defer { try? FileManager.default.removeItem(at: url) }
        let theme = try Theme.load(overridesIn: url)
        #expect(theme.overridden == ["footer.mustache", "logo.svg"])
        #expect(theme.files["footer.mustache"]!.contains("custom"))
        #expect(theme.assets.map(\.path).contains("assets/logo.svg"))
        #expect(theme.render("footer", .object(["footer_note": .string("<b>")])).contains("&lt;b&gt; custom"))
    }

    @Test func syntaxErrorNamesTheFileAndLine() throws {
        let url = try folder(["index.mustache": "line one\n{{#postmortems}}\nno close\n"])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            _ = try Theme.load(overridesIn: url)
        } throws: { error in
            let error = error as! SiteBuildError
            return error.stage == .load && error.file == "theme/index.mustache" && error.description.contains("syntax error")
        }
    }

    @Test func missingPartialAndUnescapedValuesAreRefused() throws {
        let missing = try folder(["index.mustache": "{{> nowhere}}"])
        defer { try? FileManager.default.removeItem(at: missing) }
        #expect(throws: SiteBuildError.self) { _ = try Theme.load(overridesIn: missing) }
        let raw = try folder(["index.mustache": "{{> head}}{{{title}}}"])
        defer { try? FileManager.default.removeItem(at: raw) }
        #expect {
            _ = try Theme.load(overridesIn: raw)
        } throws: { error in
            (error as! SiteBuildError).message.contains("'title' is written unescaped")
        }
    }

    @Test func auditFindsUnsetNames() {
        let templates = ["page.mustache": "{{a}} {{#list}}{{b}}{{missing}}{{/list}} {{^flag}}{{c}}{{/flag}} {{> part}}",
                         "part.mustache": "{{d}}"]
        let problems = TemplateAudit.problems(template: "page", in: templates, context: .object([
            "a": .string("x"), "list": .array([.object(["b": .string("y")])]), "flag": .bool(false), "c": .string("z"),
        ]))
        #expect(problems == ["page.mustache:1: missing is not set", "part.mustache:1: d is not set"])
    }
}

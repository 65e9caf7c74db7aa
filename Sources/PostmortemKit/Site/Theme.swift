import Foundation
import Mustache

/// The site's templates and assets: the built-in theme compiled into the
/// tool, overridden file by file by the repository's `theme/` folder.
///
/// `*.mustache` files are templates (registered by file name without the
/// extension, so `theme/postmortem.mustache` replaces the page template and
/// `{{> header}}` finds `header.mustache`); every other file is an asset
/// copied to `assets/`. Templates escape `{{variables}}` for HTML; only
/// variables whose names end in `_html` may be written unescaped.
public struct Theme: Sendable {
    /// Name → text of every file, built-in and overriding.
    public private(set) var files: [String: String]
    /// Names that came from the repository's `theme/` folder.
    public private(set) var overridden: Set<String>
    let library: MustacheLibrary
    /// The fast path for themes within the Mustache it covers (nil: swift-mustache renders).
    let renderer: ThemeRenderer?

    /// Templates the builder renders by name (partials are checked where they are used).
    static let pageTemplates = ["index", "postmortem", "list", "actions", "search", "postmortem-row"]

    /// The built-in theme only.
    public static func builtIn() throws(SiteBuildError) -> Theme {
        try Theme(files: EmbeddedTheme.files.mapValues { $0 + "\n" }, overridden: [])
    }

    /// The built-in theme with the files of `folder` (if it exists) over it.
    public static func load(overridesIn folder: URL) throws(SiteBuildError) -> Theme {
        var files = EmbeddedTheme.files.mapValues { $0 + "\n" }
        var overridden = Set<String>()
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue {
            let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
            let enumerator = manager.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = enumerator?.nextObject() as? URL {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let path = url.standardizedFileURL.resolvingSymlinksInPath().path
                guard path.hasPrefix(base + "/") else { continue }
                let name = String(path.dropFirst(base.count + 1))
                if name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                guard let data = manager.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                    throw SiteBuildError(stage: .load, file: "theme/\(name)", message: "cannot be read as UTF-8 text")
                }
                files[name] = text
                overridden.insert(name)
            }
        }
        return try Theme(files: files, overridden: overridden)
    }

    init(files: [String: String], overridden: Set<String>) throws(SiteBuildError) {
        self.files = files
        self.overridden = overridden
        var library = MustacheLibrary()
        for name in files.keys.sorted() where name.hasSuffix(".mustache") {
            let shown = overridden.contains(name) ? "theme/\(name)" : "built-in theme \(name)"
            do {
                library.register(try MustacheTemplate(string: files[name]!), named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                throw SiteBuildError(stage: .load, file: shown,
                                     message: "line \(error.context.lineNumber), column \(error.context.columnNumber): template syntax error (\(error.error))")
            } catch {
                throw SiteBuildError(stage: .load, file: shown, message: "template syntax error (\(error))")
            }
        }
        self.library = library
        renderer = ThemeRenderer(templates: Dictionary(uniqueKeysWithValues: files.filter { $0.key.hasSuffix(".mustache") }
            .map { (String($0.key.dropLast(".mustache".count)), $0.value) }))
        // A missing partial or an unescaped user value renders silently; refuse both up front.
        for name in files.keys.sorted() where name.hasSuffix(".mustache") {
            let shown = overridden.contains(name) ? "theme/\(name)" : "built-in theme \(name)"
            for tag in TemplateAudit.tags(in: files[name]!) {
                switch tag.kind {
                case .partial where files[tag.name + ".mustache"] == nil:
                    throw SiteBuildError(stage: .load, file: shown, message: "line \(tag.line): partial '\(tag.name)' does not exist")
                case .unescaped where !tag.name.hasSuffix("_html"):
                    throw SiteBuildError(stage: .load, file: shown,
                                         message: "line \(tag.line): '\(tag.name)' is written unescaped; only *_html values may be")
                default:
                    break
                }
            }
        }
        for page in Theme.pageTemplates where files[page + ".mustache"] == nil {
            throw SiteBuildError(stage: .load, message: "the theme has no \(page).mustache")
        }
    }

    /// Assets to copy into `assets/` (every file that is not a template).
    var assets: [SiteFile] {
        files.keys.sorted().filter { !$0.hasSuffix(".mustache") }.map { SiteFile(path: "assets/\($0)", text: files[$0]!) }
    }

    /// Renders a template with a context built from JSON values.
    func render(_ template: String, _ context: JSONValue) -> String {
        if let renderer { return String(decoding: renderer.render(template, context) ?? [], as: UTF8.self) }
        return renderWithLibrary(template, context)
    }

    /// `render` as UTF-8 bytes, without making a String of them.
    func renderData(_ template: String, _ context: JSONValue) -> Data {
        if let renderer { return Data(renderer.render(template, context) ?? []) }
        return Data(renderWithLibrary(template, context).utf8)
    }

    /// Renders with swift-mustache, the reference the fast path is tested against.
    func renderWithLibrary(_ template: String, _ context: JSONValue) -> String {
        library.render(Theme.mustacheValue(context), withTemplate: template) ?? ""
    }

    /// JSON values as the Foundation shapes Mustache reads; nulls are left out.
    static func mustacheValue(_ value: JSONValue) -> Any {
        switch value {
        case .null: return false
        case .bool(let bool): return bool
        case .integer(let integer): return integer
        case .number(let number): return number
        case .string(let string): return string
        case .array(let items): return items.map(mustacheValue)
        case .object(let object):
            var dictionary: [String: Any] = [:]
            for (key, item) in object where item != .null { dictionary[key] = mustacheValue(item) }
            return dictionary
        }
    }
}

import Foundation
@testable import PostmortemKit

/// Lints documents in memory the way the CLI lints files.
enum TestLint {
    static let today = LocalDate(year: 2025, month: 6, day: 1)!

    static func context(config: Config = Config(root: URL(fileURLWithPath: "/tmp"))) -> RuleContext {
        RuleContext(config: config, schema: BuiltInSchemas.postmortem, today: today)
    }

    static func parse(_ text: String, path: String = "postmortems/example.md", config: Config = Config(root: URL(fileURLWithPath: "/tmp"))) -> Postmortem {
        PostmortemParser(sectionNames: config.sectionNames).parse(path: path, bytes: Data(text.utf8))
    }

    /// Every finding for `text`, optionally only those of one rule.
    static func findings(_ text: String, rule: String? = nil, config: Config = Config(root: URL(fileURLWithPath: "/tmp"))) -> [Finding] {
        let postmortem = parse(text, config: config)
        let all = Linter(context: context(config: config)).lint([postmortem])
        return rule.map { id in all.filter { $0.rule == id } } ?? all
    }

    /// The repository root of this package, found from this file's path.
    static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// A fixture corpus (`Tests/Fixtures/<name>`) loaded as `build` loads it:
    /// with blob ids, without git history. The caches' tests key by them.
    static func fixtureWithBlobIDs(_ name: String) throws -> LoadedRepository {
        var options = LoadOptions(workingDirectory: packageRoot.appendingPathComponent("Tests/Fixtures/\(name)"))
        options.wantsContentIDs = true
        options.wantsHistory = false
        return try RepositoryLoader.load(options)
    }

    /// `../shared` beside the repository, when present.
    static var sharedFolder: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}

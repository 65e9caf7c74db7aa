import Foundation
import Testing
@testable import PostmortemKit

/// Files generated from the code are checked in; these fail when they drift.
struct GeneratedFilesTests {
    @Test func rulesDocIsUpToDate() throws {
        let file = TestLint.packageRoot.appendingPathComponent("docs/rules.md")
        let checkedIn = try String(contentsOf: file, encoding: .utf8)
        #expect(checkedIn == RuleDocs.markdown(), "docs/rules.md is stale: run `make docs`")
    }

    @Test func embeddedSchemasMatchSchemaFolder() throws {
        let folder = TestLint.packageRoot.appendingPathComponent("schema")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names == BuiltInSchemas.names)
        for name in names {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(onDisk.trimmingCharacters(in: .newlines) == BuiltInSchemas.text(named: name), "\(name) drifted: run `make embed`")
        }
    }

    @Test func embeddedThemeMatchesResourcesFolder() throws {
        let folder = TestLint.packageRoot.appendingPathComponent("Sources/PostmortemKit/Resources/theme")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names == EmbeddedTheme.files.keys.sorted(), "theme files added or removed: run `make embed`")
        for name in names {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(onDisk.trimmingCharacters(in: .newlines) == EmbeddedTheme.files[name], "\(name) drifted: run `make embed`")
        }
    }

    @Test func embeddedVocabularyMatchesResourceFolder() throws {
        let folder = TestLint.packageRoot.appendingPathComponent("Sources/PostmortemKit/Resources/blameless")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }.sorted()
        #expect(names == EmbeddedVocabulary.files.keys.sorted())
        for name in names {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(onDisk.trimmingCharacters(in: .newlines) == EmbeddedVocabulary.files[name], "\(name) drifted: run `make embed`")
        }
    }

    @Test func builtInSchemasCompile() {
        // Touching each forces compilation; a broken schema would stop the test process.
        #expect(BuiltInSchemas.postmortem.validate(.object([:])).count > 0)
        #expect(BuiltInSchemas.config.validate(.object([:])).isEmpty)
        #expect(BuiltInSchemas.lintReport.validate(.object([:])).count > 0)
    }
}

import Foundation
import Testing
@testable import PostmortemKit

/// With `outsideScope`, files outside the scope are read for their front
/// matter only, and files in scope exactly as without it.
struct ScopedLoadTests {
    @Test func filesOutsideTheScopeAreReadForTheirFrontMatterOnly() throws {
        let root = TestLint.packageRoot.appendingPathComponent("Tests/Fixtures/patterns-corpus-6")
        var options = LoadOptions(workingDirectory: root)
        options.wantsHistory = false
        let whole = try RepositoryLoader.load(options)
        let chosen = try #require(whole.postmortems.dropFirst(3).first)
        options.paths = [root.appendingPathComponent(chosen.path).path]
        options.outsideScope = .allButFrontMatter
        // From the working tree, and from git (the fixture is committed in this repository).
        let fromTree = try RepositoryLoader.load(options)
        options.revision = "HEAD"
        let fromGit = try RepositoryLoader.load(options)

        for scoped in [fromTree, fromGit] {
            #expect(scoped.scope == [chosen.path])
            #expect(scoped.postmortems.map(\.path) == whole.postmortems.map(\.path))
            for (light, full) in zip(scoped.postmortems, whole.postmortems) {
                #expect(light.frontMatter == full.frontMatter && light.parseFindings == full.parseFindings)
                if light.path == chosen.path {
                    #expect(light.body == full.body && light.sections == full.sections && light.lines == full.lines)
                    #expect(light.timeline == full.timeline && light.actionTable == full.actionTable)
                } else {
                    #expect(light.body == nil && light.sections.isEmpty && light.lines.isEmpty && light.actionTable == nil)
                }
            }
        }
    }
}

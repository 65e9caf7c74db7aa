import Foundation
import Testing
@testable import PostmortemKit

/// Real repositories made in temporary folders with fixed dates.
struct GitTests {
    func json(_ result: CLI.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    }

    func diagnostics(_ result: CLI.Result) throws -> [[String: Any]] {
        try json(result)["diagnostics"] as! [[String: Any]]
    }

    @Test func lateDraftFiresOnlyOnTheLateFile() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/2025/prompt.md", cleanPostmortem(id: "PM-2025-001"))
        try repo.initialCommit(date: "2025-03-15T09:00:00Z") // 22.5 h after resolved
        try repo.write("postmortems/2025/late.md", cleanPostmortem(id: "PM-2025-002"))
        try repo.git(["add", "-A"])
        try repo.git(["commit", "-q", "-m", "Late postmortem"], date: "2025-03-20T10:30:00Z") // 6 days after
        let result = try CLI.run(["lint", "--format", "json"], in: repo.url)
        let late = try diagnostics(result).filter { $0["rule"] as? String == "git/late-draft" }
        #expect(late.count == 1)
        #expect(late.first?["file"] as? String == "postmortems/2025/late.md")
        #expect((late.first?["message"] as? String)?.contains("144 h") == true)
        #expect(result.status == 0)
    }

    @Test func changedSinceLintsOnlyChangedFilesButSeesTheWholeRepository() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem(id: "PM-2025-001"))
        try repo.write("postmortems/b.md", cleanPostmortem(id: "PM-2025-002"))
        try repo.write("postmortems/c.md", cleanPostmortem(id: "PM-2025-003").replacingOccurrences(of: "SEV2", with: "SEV9"))
        try repo.initialCommit()
        // Unstaged edit, staged new file, untracked file duplicating a committed id.
        try repo.write("postmortems/b.md", cleanPostmortem(id: "PM-2025-002").replacingOccurrences(of: "1,204 orders", with: "1,205 orders"))
        try repo.write("postmortems/staged.md", cleanPostmortem(id: "PM-2025-004"))
        try repo.git(["add", "postmortems/staged.md"])
        try repo.write("postmortems/untracked.md", cleanPostmortem(id: "PM-2025-001").replacingOccurrences(of: "2025-03-14T", with: "2025-03-16T"))
        try repo.write(".gitignore", "postmortems/ignored.md\n")
        try repo.write("postmortems/ignored.md", "not a postmortem\n")
        let result = try CLI.run(["lint", "--changed-since", "HEAD", "--format", "json"], in: repo.url)
        let report = try json(result)
        let files = Set(try diagnostics(result).map { $0["file"] as! String })
        #expect(report["files"] as? Int == 3)
        #expect(files == ["postmortems/untracked.md"], "\(files)")
        #expect(try diagnostics(result).contains { $0["rule"] as? String == "repo/duplicate-id" })
        #expect(result.status == 1) // the duplicate id; c.md's error is out of scope
    }

    /// Files outside the scope are read for their front matter only; a
    /// scoped lint must still report, for the files in scope, exactly what
    /// a whole lint reports for them, repository rules included (a
    /// duplicate of an unchanged file's id, `related:` ids of unchanged files).
    @Test func scopedLintReportsWhatAWholeLintReportsForItsFiles() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem(id: "PM-2025-001"))
        try repo.write("postmortems/b.md", cleanPostmortem(id: "PM-2025-002").replacingOccurrences(of: "SEV2", with: "SEV9"))
        try repo.write("postmortems/c.md", cleanPostmortem(id: "PM-2025-003")
            .replacingOccurrences(of: "authors:", with: "related: [PM-2025-001, PM-2025-404]\nauthors:")
            .replacingOccurrences(of: "Requests timed out", with: "The on-call engineer ignored the alert and requests timed out"))
        try repo.initialCommit()
        try repo.write("postmortems/c.md", cleanPostmortem(id: "PM-2025-003")
            .replacingOccurrences(of: "authors:", with: "related: [PM-2025-002, PM-2025-404]\nauthors:")
            .replacingOccurrences(of: "Requests timed out", with: "The on-call engineer ignored the alert and requests timed out"))
        try repo.write("postmortems/d.md", cleanPostmortem(id: "PM-2025-002").replacingOccurrences(of: "2025-03-14T", with: "2025-03-16T"))
        let whole = try diagnostics(try CLI.run(["lint", "--format", "json"], in: repo.url))
        func key(_ finding: [String: Any]) -> String {
            ["file", "line", "column", "rule", "message"].map { "\(finding[$0] ?? "")" }.joined(separator: "|")
        }
        let scoped = ["postmortems/c.md", "postmortems/d.md"]
        let expected = whole.filter { scoped.contains($0["file"] as! String) }.map(key).sorted()
        #expect(expected.contains { $0.contains("repo/unknown-related") && $0.contains("PM-2025-404") })
        #expect(expected.contains { $0.contains("repo/duplicate-id") })
        #expect(expected.contains { $0.contains("blameless/") })
        #expect(whole.contains { $0["file"] as? String == "postmortems/b.md" })
        for arguments in [["--changed-since", "HEAD"], scoped] {
            let result = try CLI.run(["lint", "--format", "json"] + arguments, in: repo.url)
            #expect(try diagnostics(result).map(key).sorted() == expected, "\(arguments)")
        }
    }

    @Test func changedSinceCoversCommittedChangesAndRenames() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem(id: "PM-2025-001"))
        try repo.write("postmortems/b.md", cleanPostmortem(id: "PM-2025-002"))
        try repo.initialCommit()
        let base = try repo.git(["rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git(["mv", "postmortems/a.md", "postmortems/2025-a.md"])
        try repo.git(["commit", "-q", "-m", "Rename"], date: "2025-03-15T12:00:00Z")
        let result = try CLI.run(["lint", "--changed-since", base, "--format", "json"], in: repo.url)
        #expect(try json(result)["files"] as? Int == 1)
        #expect(result.status == 0, "\(result.stdout)")
    }

    @Test func immutableFieldFiresOnRenumberedPublishedPostmortem() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem(id: "PM-2025-001"))
        try repo.write("postmortems/draft.md", cleanPostmortem(id: "PM-2025-002").replacingOccurrences(of: "status: published", with: "status: draft"))
        try repo.initialCommit()
        try repo.write("postmortems/a.md", cleanPostmortem(id: "PM-2025-101"))
        try repo.write("postmortems/draft.md", cleanPostmortem(id: "PM-2025-102").replacingOccurrences(of: "status: published", with: "status: draft"))
        let result = try CLI.run(["lint", "--changed-since", "HEAD", "--format", "json"], in: repo.url)
        let immutable = try diagnostics(result).filter { $0["rule"] as? String == "git/immutable-field" }
        #expect(immutable.count == 1)
        #expect(immutable.first?["file"] as? String == "postmortems/a.md")
        #expect(immutable.first?["line"] as? Int == 2)
        #expect(result.status == 1)
    }

    @Test func revIgnoresABrokenWorkingTree() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem())
        try repo.write(".postmortem.yml", "postmortems: postmortems\n")
        try repo.initialCommit()
        try repo.write("postmortems/a.md", "garbage without front matter")
        try repo.write(".postmortem.yml", "postmortemz: oops\n")
        #expect(try CLI.run(["lint"], in: repo.url).status == 2)
        let result = try CLI.run(["lint", "--rev", "HEAD"], in: repo.url)
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("1 file linted: 0 errors"))
        let unknown = try CLI.run(["lint", "--rev", "no-such-branch"], in: repo.url)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("postmortem: error: --rev no-such-branch"))
    }

    @Test func shallowCloneExitsCleanlyWithANotice() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem(id: "PM-2025-001"))
        try repo.initialCommit()
        try repo.write("postmortems/b.md", cleanPostmortem(id: "PM-2025-002"))
        try repo.git(["add", "-A"])
        try repo.git(["commit", "-q", "-m", "Second"], date: "2025-04-14T12:00:00Z")
        let clone = repo.url.appendingPathComponent("clone")
        try repo.git(["clone", "-q", "--depth", "1", "file://\(repo.url.path)", clone.path])
        let result = try CLI.run(["lint"], in: clone)
        #expect(result.status == 0 || result.status == 1)
        #expect(result.stderr.contains("shallow clone"), "\(result.stderr)")
        #expect(!result.stdout.contains("git/late-draft"))
    }

    @Test func plainFolderExitsZeroWithANotice() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem())
        let result = try CLI.run(["lint"], in: repo.url)
        #expect(result.status == 0)
        #expect(result.stderr == "postmortem: note: not a git repository: history checks (git/*) are skipped\n")
        let json = try CLI.run(["lint", "--format", "json"], in: repo.url)
        #expect(json.stdout.contains("\"notices\""))
    }

    @Test func historyFollowsRenamesMergesAndDetachedHead() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/old-name.md", cleanPostmortem(id: "PM-2025-001"))
        try repo.write("postmortems/other.md", cleanPostmortem(id: "PM-2025-002"))
        try repo.initialCommit(date: "2025-03-15T09:00:00Z")
        try repo.git(["checkout", "-q", "-b", "feature"])
        try FileManager.default.createDirectory(at: repo.url.appendingPathComponent("postmortems/2025"), withIntermediateDirectories: true)
        try repo.git(["mv", "postmortems/old-name.md", "postmortems/2025/new-name.md"])
        try repo.git(["commit", "-q", "-m", "Move into year folder"], date: "2025-03-16T09:00:00Z")
        try repo.git(["checkout", "-q", "main"])
        try repo.write("postmortems/other.md", cleanPostmortem(id: "PM-2025-002").replacingOccurrences(of: "1,204", with: "1,300"))
        try repo.git(["commit", "-q", "-am", "Correct impact"], date: "2025-03-17T09:00:00Z")
        try repo.git(["merge", "-q", "--no-ff", "-m", "Merge feature", "feature"], date: "2025-03-18T09:00:00Z")
        try repo.git(["checkout", "-q", "--detach", "HEAD"])

        let git = try #require(try GitRepository.discover(from: repo.url))
        #expect(!git.isShallow)
        let history = try git.history(under: "postmortems")
        let moved = try #require(history.history(of: "postmortems/2025/new-name.md"))
        #expect(moved.commits.map(\.summary) == ["Move into year folder", "Initial postmortems"])
        #expect(moved.firstCommit?.date.iso8601UTC == "2025-03-15T09:00:00Z")
        let other = try #require(history.history(of: "postmortems/other.md"))
        // The merge commit does not count: the file equals one of its parents.
        #expect(other.commits.map(\.summary) == ["Correct impact", "Initial postmortems"])
        #expect(history.authorNames == ["Alice Chen"])
        #expect(moved.lastCommit?.shortID.count == 8)
    }

    @Test func commitAuthorsAreNamedIndividualsForBlamelessRules() throws {
        let repo = try TemporaryRepository()
        let text = cleanPostmortem().replacingOccurrences(of: "The index was restored.",
                                                          with: "Dana pushed the change without testing it.")
        try repo.write("postmortems/a.md", text)
        // Outside git, "Dana" is nobody the tool knows.
        #expect(!(try CLI.run(["lint"], in: repo.url).stdout.contains("blameless/named-individual")))
        try repo.git(["init", "-q"])
        try repo.git(["add", "-A"])
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "Dana Scully"
        environment["GIT_AUTHOR_EMAIL"] = "dana@example.com"
        environment["GIT_COMMITTER_NAME"] = "Dana Scully"
        environment["GIT_COMMITTER_EMAIL"] = "dana@example.com"
        environment["GIT_AUTHOR_DATE"] = "2025-03-15T09:00:00Z"
        environment["GIT_COMMITTER_DATE"] = "2025-03-15T09:00:00Z"
        environment["HOME"] = repo.url.path
        _ = try CLI.runProcess(URL(fileURLWithPath: "/usr/bin/git"), ["-c", "commit.gpgsign=false", "commit", "-q", "-m", "Draft"],
                               in: repo.url, environment: environment)
        let result = try CLI.run(["lint"], in: repo.url)
        #expect(result.stdout.contains("[blameless/named-individual]"), "\(result.stdout)")
    }

    @Test func notARepositoryIsNil() throws {
        let repo = try TemporaryRepository()
        #expect(try GitRepository.discover(from: repo.url) == nil)
    }
}

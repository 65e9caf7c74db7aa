import Testing
@testable import PostmortemKit

/// People are matched as names: case-sensitively, and only where a name fits.
struct PeopleIndexTests {
    static let roster = PeopleIndex(people: [
        Person(handle: "@dev", name: "Dev Patel"),
        Person(handle: "@grace", name: "Grace Kim"),
        Person(handle: "@alice", name: "Alice Chen", aliases: ["Ali"]),
    ])

    /// The texts of the people mentions in `text`.
    private func mentions(_ text: String, people: PeopleIndex = PeopleIndexTests.roster) -> [String] {
        let analysis = SentenceAnalysis(text: text, vocabulary: .builtIn, people: people)
        return analysis.tokens.indices.filter { analysis.mentionLength[$0] > 0 }.map { analysis.text(of: $0..<($0 + analysis.mentionLength[$0])) }
    }

    @Test func matchesNamesCaseSensitively() {
        #expect(mentions("the dev cluster and a grace period") == [])
        #expect(mentions("Dev Patel and Ali paged @grace; @carmen helped") == ["Dev Patel", "Ali", "@grace", "@carmen"])
    }

    @Test func namesThatAreWordsNeedAVerb() {
        #expect(mentions("Dev ran the job") == ["Dev"])
        #expect(mentions("Dev environments were slow") == [])
        #expect(mentions("Grace period settings changed") == [])
        #expect(mentions("Grace's pager and Dev, later") == ["Grace", "Dev"])
        #expect(mentions("the Dev cluster failed") == [])
    }

    @Test func teamsAreNotPeople() {
        #expect(mentions("@sre/oncall and @here were paged") == [])
    }

    @Test func frontMatterHandlesGiveFirstNames() {
        let people = PeopleIndex().adding(handles: ["@dana.k", "@ops-bot2", "@bo"])
        #expect(mentions("Dana restarted it", people: people) == ["Dana"])
        #expect(people.handles.contains("@dana.k"))
        #expect(!people.names.contains("Ops") && !people.names.contains("Bo"))
    }

    @Test func extraNamesCanBeAdded() {
        // The hook for commit authors read from git history.
        let people = PeopleIndex().adding(names: ["Priya Raman"])
        #expect(mentions("Priya Raman pushed it", people: people) == ["Priya Raman"])
        #expect(mentions("Raman pushed it", people: people) == ["Raman"])
    }
}

import Foundation
import Testing

/// `Scripts/eval-blameless` measures the blameless rules through the built
/// binary, as the acceptance does.
struct EvalBlamelessTests {
    /// Runs the script on `files` with this build's binary; returns its JSON scores.
    private func scores(_ files: [String]) throws -> [String: Any] {
        let script = CLI.packageRoot.appendingPathComponent("Scripts/eval-blameless")
        let result = try CLI.runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                        ["python3", script.path] + files + ["--binary", CLI.binary.path, "--json"],
                                        in: CLI.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func scoresTheProjectsOwnLabelledSentences() throws {
        let fixture = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/blameless/extra.jsonl").path
        let found = try scores([fixture])
        #expect((found["sentences"] as? Int ?? 0) >= 80)
        #expect((found["precision"] as? Double ?? 0) >= 0.95)
        #expect((found["recall"] as? Double ?? 0) >= 0.92)
    }

    @Test(.enabled(if: CLI.sharedFolder != nil, "../shared is absent: the shared dev.jsonl cannot be scored"))
    func meetsTheAcceptanceBarOnTheSharedDevSet() throws {
        let dev = try #require(CLI.sharedFolder).appendingPathComponent("blameless/dev.jsonl").path
        let found = try scores([dev])
        #expect(found["sentences"] as? Int == 240)
        #expect((found["precision"] as? Double ?? 0) >= 0.95)
        #expect((found["recall"] as? Double ?? 0) >= 0.92)
    }
}

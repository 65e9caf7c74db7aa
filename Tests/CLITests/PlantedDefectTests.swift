import Foundation
import Testing

/// Tests/Fixtures/lint-corpus was written from the SPEC alone by an author
/// who did not read the linter: 10 clean postmortems and 10 with 30 planted
/// defects, each labelled with the rule id and line a reviewer expects.
struct PlantedDefectTests {
    struct Expected: Decodable {
        struct Defect: Decodable { var file: String; var rule: String; var line: Int; var note: String }
        var clean: [String]
        var defects: [Defect]
    }

    @Test func plantedDefectsAreFoundAndCleanFilesHaveNoErrors() throws {
        let fixture = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/lint-corpus")
        // A copy outside the project's git repository, as a team's own repository would be.
        let repo = try TemporaryRepository()
        try FileManager.default.removeItem(at: repo.url)
        try FileManager.default.copyItem(at: fixture, to: repo.url)
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: fixture.appendingPathComponent("expected.json")))
        let result = try CLI.run(["lint", "--format", "json"], in: repo.url)
        #expect(result.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let diagnostics = report["diagnostics"] as! [[String: Any]]

        var missed: [String] = []
        for defect in expected.defects {
            let hit = diagnostics.contains { diagnostic in
                diagnostic["file"] as? String == defect.file && diagnostic["rule"] as? String == defect.rule
                    && abs((diagnostic["line"] as? Int ?? 0) - defect.line) <= 1
            }
            if !hit { missed.append("\(defect.file):\(defect.line) \(defect.rule) (\(defect.note))") }
        }
        let recall = Double(expected.defects.count - missed.count) / Double(expected.defects.count)
        print("planted defects found: \(expected.defects.count - missed.count)/\(expected.defects.count)")
        #expect(recall >= 0.9, "missed: \(missed)")
        let errorsInCleanFiles = diagnostics.filter { diagnostic in
            expected.clean.contains(diagnostic["file"] as? String ?? "") && diagnostic["severity"] as? String == "error"
        }
        #expect(errorsInCleanFiles.isEmpty, "\(errorsInCleanFiles)")
    }
}

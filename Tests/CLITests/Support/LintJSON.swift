import Foundation
import Testing

/// Runs `lint --format json` in a repository and returns its diagnostics.
func lintDiagnostics(in directory: URL, today: String = "2025-06-01") throws -> (status: Int32, diagnostics: [[String: Any]]) {
    let result = try CLI.run(["lint", "--format", "json", "--today", today], in: directory)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
    return (result.status, report["diagnostics"] as? [[String: Any]] ?? [])
}

/// Every file below the repository's postmortems folder, relative, sorted.
func postmortemFiles(in repo: TemporaryRepository) -> [String] {
    let folder = repo.url.appendingPathComponent("postmortems")
    let walker = FileManager.default.enumerator(atPath: folder.path)
    var files: [String] = []
    while let path = walker?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files.append("postmortems/" + path)
        }
    }
    return files.sorted()
}

import Foundation

/// Reads the exports named on the command line (`--from-pagerduty FILE…`,
/// `--from-slack DIR…`) and combines them into one `ImportedIncident`.
/// Nothing is written here; any problem is a `UsageError` naming the file.
public enum IncidentImporter {
    /// Larger files are refused unread: no incident export comes near this.
    public static let maxFileSize = 64 * 1024 * 1024

    /// - Parameters:
    ///   - pagerDuty: files, relative to `workingDirectory` unless absolute.
    ///   - slack: channel folders, likewise.
    ///   - reaction: overrides `settings.slackReaction`.
    /// - Returns: nil when nothing was asked for.
    public static func load(pagerDuty: [String], slack: [String], reaction: String?, settings: ImportSettings,
                            workingDirectory: URL) throws(UsageError) -> ImportedIncident? {
        var result: ImportedIncident?
        if !pagerDuty.isEmpty {
            var files: [PagerDutyImporter.File] = []
            for path in pagerDuty {
                files.append(PagerDutyImporter.File(name: path, data: try read(path, workingDirectory: workingDirectory)))
            }
            result = try PagerDutyImporter(settings: settings).read(files)
        }
        let importer = SlackExportImporter(reaction: reaction ?? settings.slackReaction)
        for folder in slack {
            let channel = try importer.read(channelFolder: url(folder, workingDirectory: workingDirectory), display: folder)
            result = result?.merged(with: channel) ?? channel
        }
        return result
    }

    private static func url(_ path: String, workingDirectory: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
    }

    private static func read(_ path: String, workingDirectory: URL) throws(UsageError) -> Data {
        let file = url(path, workingDirectory: workingDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else {
            throw UsageError("--from-pagerduty \(path): no such file")
        }
        guard !isDirectory.boolValue else { throw UsageError("--from-pagerduty \(path): a folder, not an exported JSON file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxFileSize else {
            throw UsageError("--from-pagerduty \(path): \(size / 1_048_576) MB is too large for one incident's export")
        }
        do { return try Data(contentsOf: file) } catch {
            throw UsageError("--from-pagerduty \(path): cannot be read (\((error as NSError).localizedDescription))")
        }
    }
}

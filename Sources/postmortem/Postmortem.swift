import ArgumentParser
import Foundation
import PostmortemKit

/// The root command: only a table of subcommands. Each subcommand builds a
/// PostmortemKit object, runs it and maps the result to an exit code.
@main
struct Postmortem: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postmortem",
        abstract: "Lint, index and publish incident postmortems kept as Markdown in git.",
        version: PostmortemVersion.current,
        subcommands: [Lint.self, Build.self, New.self, Actions.self, Review.self, Patterns.self, History.self, Rules.self])

    /// Parses and runs, mapping every failure to SPEC §5's exit codes:
    /// 0 clean, 1 findings, 2 usage/config/I/O problems with a one-line reason.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("postmortem: error: \(error.message)\n".utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            FileHandle.standardError.write(Data("postmortem: error: \(message) (see postmortem --help)\n".utf8))
            Foundation.exit(2)
        }
    }
}

/// Options every command that reads a repository shares.
struct RepositoryOptions: ParsableArguments {
    @Option(help: "Path of .postmortem.yml (default: found by walking up from the working directory).")
    var config: String?

    var configURL: URL? {
        config.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL }
    }

    var workingDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    func loadOptions(paths: [String] = []) -> LoadOptions {
        var options = LoadOptions(workingDirectory: workingDirectory)
        options.paths = paths
        options.configFile = configURL
        return options
    }
}

/// `--rev REV`: read from a revision's tree instead of the working tree.
struct RevisionOption: ParsableArguments {
    @Option(help: ArgumentHelp("Read postmortems, config and schema from this git revision instead of the working tree.", valueName: "rev"))
    var rev: String?
}

extension RepositoryOptions {
    /// The whole repository, loaded with the options `configure` sets, with its notices printed.
    func loadRepository(_ configure: (inout LoadOptions) -> Void) throws -> LoadedRepository {
        var options = loadOptions()
        configure(&options)
        let loaded = try RepositoryLoader.load(options)
        printNotices(loaded.notices)
        return loaded
    }
}

/// Notices (no repository, shallow clone) go to standard error, so that
/// standard output stays the report.
func printNotices(_ notices: [String]) {
    for notice in notices {
        FileHandle.standardError.write(Data("postmortem: note: \(notice)\n".utf8))
    }
}

/// `--today YYYY-MM-DD`, validated; the clock is read here, at the edge, and nowhere else.
struct TodayOption: ParsableArguments {
    @Option(help: "Date to treat as today (YYYY-MM-DD), for overdue checks and reproducible runs.")
    var today: String?

    func validate() throws {
        if let today, LocalDate(today) == nil {
            throw ValidationError("--today must be a date as YYYY-MM-DD, got \"\(today)\"")
        }
    }

    var date: LocalDate? { today.flatMap(LocalDate.init) }

    static var clockDate: LocalDate {
        LocalDate(daysSince1970: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}

extension ReportFormat: ExpressibleByArgument {}

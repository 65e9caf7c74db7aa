import ArgumentParser
import Foundation
import PostmortemKit

extension Postmortem {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the lint rules with their default severities.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, markdown, json
        }

        @Option(help: "Output format (markdown is docs/rules.md).")
        var format: Format = .text

        func run() throws {
            let output: String
            switch format {
            case .text: output = RuleDocs.text()
            case .markdown: output = RuleDocs.markdown()
            case .json: output = RuleDocs.json()
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }
}

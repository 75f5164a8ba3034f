import ArgumentParser

/// `generate`: writes Swift bindings for a spec into a folder.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Swift models and request builders from a spec."
    )

    @Option(name: .long, help: "The OpenAPI spec file.")
    var spec: String

    @Option(name: .long, help: "The folder to write the Swift files into.")
    var output: String

    @Flag(name: .long, help: "Write nothing; exit 1 and name the files that differ if the folder is not current.")
    var check = false

    func run() throws {
        throw ValidationError("generate is not available yet")
    }
}

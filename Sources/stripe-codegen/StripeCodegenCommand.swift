import ArgumentParser

/// The `stripe-codegen` command: generates Swift bindings from Stripe's OpenAPI spec, trims the spec, lints it, and
/// compares the Swift APIs two specs generate.
@main
struct StripeCodegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stripe-codegen",
        abstract: "Generate typed Swift bindings from Stripe's OpenAPI spec.",
        version: "0.1.0",
        subcommands: [GenerateCommand.self, TrimCommand.self, LintCommand.self, DiffCommand.self]
    )
}

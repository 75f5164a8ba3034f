#if PostgreSQL
import ArgumentParser
import Foundation

/// Drives the PostgreSQL-backed checkout stores from a separate OS process, so tests can race real processes
/// against one database (and kill one mid-way). Prints one line per outcome on standard output.
@main
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout-postgres-probe",
        abstract: "Claims webhook events and takes order locks against PostgreSQL, for multi-process tests.",
        subcommands: [ClaimCommand.self, LockRoundsCommand.self, CheckoutCommand.self])
}

/// The database and the tables every subcommand uses.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "postgres://user@host:port/database URL.")
    var url: String

    @Option(help: "Schema holding the tables.")
    var schema: String

    @Option(help: "Table-name prefix.")
    var prefix: String = "checkout_"
}

/// Writes one line to standard output at once (unbuffered), so it survives the process being killed right after.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
#endif

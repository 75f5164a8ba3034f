#if !PostgreSQL
import Foundation

/// Built without the `PostgreSQL` trait, `checkout-postgres-probe` has nothing to run: it says how to build it and exits.
@main
enum WithoutTrait {
    static func main() {
        let message = "checkout-postgres-probe needs the PostgreSQL trait: swift run --traits PostgreSQL checkout-postgres-probe\n"
        FileHandle.standardError.write(Data(message.utf8))
        exit(64)
    }
}
#endif

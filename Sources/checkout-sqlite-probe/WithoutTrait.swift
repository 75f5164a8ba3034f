#if !SQLite
import Foundation

/// Built without the `SQLite` trait, `checkout-sqlite-probe` has nothing to run: it says how to build it and exits.
@main
enum WithoutTrait {
    static func main() {
        let message = "checkout-sqlite-probe needs the SQLite trait: swift run --traits SQLite checkout-sqlite-probe\n"
        FileHandle.standardError.write(Data(message.utf8))
        exit(64)
    }
}
#endif

#if !Emulator
import Foundation

/// Built without the `Emulator` trait, `checkout-emulator` has nothing to run: it says how to build it and exits.
@main
enum WithoutTrait {
    static func main() {
        let message = "checkout-emulator needs the Emulator trait: swift run --traits Emulator checkout-emulator\n"
        FileHandle.standardError.write(Data(message.utf8))
        exit(64)
    }
}
#endif

// libFuzzer's driver, which each fuzz target's entry point hands its arguments to (libFuzzer's own `main` does the
// same). SwiftPM links an executable's `main` to the target's `<Target>_main`, so the targets define that.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

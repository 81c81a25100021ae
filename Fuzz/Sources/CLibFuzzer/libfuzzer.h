#ifndef DOCVERIFY_FUZZ_LIBFUZZER_H
#define DOCVERIFY_FUZZ_LIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in the runtime that `-sanitize=fuzzer` links): parses the libFuzzer
/// flags in argv and fuzzes `callback`, exactly as libFuzzer's own `main` would.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

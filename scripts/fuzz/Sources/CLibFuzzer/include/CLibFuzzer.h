#ifndef TASKGATE_CLIBFUZZER_H
#define TASKGATE_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer): parses libFuzzer's flags from
/// argc/argv and runs `callback` on each input. The fuzz executables call it from their own main,
/// because SwiftPM links an executable's main under the module's name (`fuzz_cron_main`).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

#ifndef TIENDO_FUZZING_H
#define TIENDO_FUZZING_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver for programs that have their own main (present only in builds with -sanitize=fuzzer).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

#define _GNU_SOURCE
#include "file_cache.h"
#include <errno.h>
#include <sys/uio.h>

#if defined(__linux__)
#ifndef RWF_NOWAIT
#define RWF_NOWAIT 0x00000008
#endif
long tiendo_read_if_cached(int descriptor, void *buffer, unsigned long count, long offset) {
    struct iovec vector = { buffer, count };
    return (long)preadv2(descriptor, &vector, 1, offset, RWF_NOWAIT);
}
#else
long tiendo_read_if_cached(int descriptor, void *buffer, unsigned long count, long offset) {
    (void)descriptor; (void)buffer; (void)count; (void)offset;
    errno = ENOTSUP;
    return -1;
}
#endif

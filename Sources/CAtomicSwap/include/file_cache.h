#ifndef TIENDO_FILE_CACHE_H
#define TIENDO_FILE_CACHE_H

/// Reads up to `count` bytes at `offset` only when the kernel holds them in memory (Linux preadv2 with
/// RWF_NOWAIT): the number of bytes read, or -1 with errno EAGAIN when reading them would wait for the disk
/// (another errno when the system cannot tell).
long tiendo_read_if_cached(int descriptor, void *buffer, unsigned long count, long offset);

#endif

#ifndef TIENDO_ATOMIC_SWAP_H
#define TIENDO_ATOMIC_SWAP_H

/// Exchanges two paths atomically (Linux renameat2 RENAME_EXCHANGE, macOS renamex_np RENAME_SWAP).
/// Both must exist on the same file system. Returns 0, or -1 with errno set.
int tiendo_exchange_paths(const char *first, const char *second);

#endif

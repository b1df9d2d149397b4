#ifndef TIENDO_CMIMALLOC_SHIM_H
#define TIENDO_CMIMALLOC_SHIM_H
#include <mimalloc.h>
#endif

#ifndef TIENDO_CCMARK_SHIM_H
#define TIENDO_CCMARK_SHIM_H
#include <cmark.h>
#endif

#!/usr/bin/env bash
# Fuzzes one loader with libFuzzer and AddressSanitizer, seeded with the example's files:
#   fuzz/run.sh LOADER [SECONDS]      LOADER: front-matter, definition, site-config, csv, markdown, xlsx, tasks;
#                                     SECONDS: 600
# Leak detection is off: Foundation's path conversion, which ZIPFoundation calls to open a workbook, leaks a few
# bytes per call (and SWXMLHash's trees a few hundred bytes per workbook); memory is bounded by -rss_limit_mb
# instead, and LeakSanitizer is off at exit too (ASAN_OPTIONS=detect_leaks=0).
# A crash, a hang over 10 s, an allocation over 2 GB or an error without a location stops the run and leaves the
# input in .build-fuzz/crash-LOADER-*; replay it with: swift run TiendoFuzz LOADER FILE
set -euo pipefail
loader=${1:?usage: fuzz/run.sh LOADER [SECONDS]}
seconds=${2:-600}
cd "$(dirname "$0")/.."
swift build -c release --product TiendoFuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DTIENDO_LIBFUZZER \
    -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
corpus=.build-fuzz/corpus/$loader
seeds=.build-fuzz/seeds/$loader
mkdir -p "$corpus" "$seeds"
case "$loader" in
    front-matter|markdown) cp Content/sections/*.md "$seeds/" ;;
    definition) cp Content/indicators/*.yaml Content/categories.yaml "$seeds/" ;;
    site-config) cp Content/site.yaml "$seeds/" ;;
    csv) cp Content/data/*.csv examples/nuoc-sach/Content/data/*.csv "$seeds/" ;;
    xlsx) cp examples/nuoc-sach/Content/data/*.xlsx "$seeds/" ;;
    tasks) cp Content/tasks.yaml "$seeds/example.yaml"
           cp examples/nuoc-sach/Content/tasks.yaml "$seeds/nuoc-sach.yaml" ;;
    *) echo "unknown loader '$loader'" >&2; exit 2 ;;
esac
ASAN_OPTIONS=detect_leaks=0 TIENDO_FUZZ_LOADER=$loader .build-fuzz/release/TiendoFuzz "$corpus" "$seeds" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
    -artifact_prefix=".build-fuzz/crash-$loader-" -print_final_stats=1

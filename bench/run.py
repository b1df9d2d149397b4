#!/usr/bin/env python3
"""Tiendo against Hugo, side by side in one run, on the example site plus N generated sections of ~4 KB.

    python3 bench/run.py [--sizes 10000 20000] [--runs 3] [--settle 5] [--work /tmp/tiendo-bench]

For each size it prints, for both tools, the wall time and peak memory of a clean build, then Tiendo's rebuild
after one data cell changes (and how many files that rebuild rewrote), and the ratios the targets are stated in.
The machine is shared and noisy, so every time is a median: of `--runs` clean builds per tool (the two tools
alternating), of at least 11 one-cell rebuilds, of 3 no-op builds; memory is the largest peak of those runs. Each
run's time is printed too. Hugo 0.111 comes from Debian (installed when missing).

No build is timed after a mass deletion. On ext4 without a journal (this machine's disk), the kernel will not
reuse an inode freed in the last 60 seconds (6 minutes while its block is not yet written back): each new file
skips every recently freed inode, one lookup each, so creating 20,000 files after deleting 20,000 costs seconds
of system time instead of half a second, and how much depends on what was deleted when. So old sites and
outputs are moved aside into `WORK/.trash-bench` (a rename frees nothing) and deleted only when every
measurement is done; before each clean build the script syncs and waits `--settle` seconds for writeback.
Other programs deleting many files on the same disk during the run still skew it.
"""
import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIENDO = REPO / ".build" / "release" / "tiendo"


def ensure_tools() -> None:
    if shutil.which("hugo") is None:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "update", "-q"], check=True)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-q", "hugo"], check=True)
    subprocess.run(["make", "release"], cwd=REPO, check=True)


def timed(command: list, cwd: Path) -> tuple:
    """Wall seconds (this process's clock: GNU time prints them to 10 ms only, a sixteenth of a rebuild) and
    peak resident memory (MiB, from GNU time) of one command."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    _, kilobytes = result.stderr.strip().splitlines()[-1].split()
    return seconds, int(kilobytes) / 1024


def stamps(folder: Path) -> dict:
    result = {}
    for path in folder.rglob("*"):
        if path.is_file():
            info = path.stat()
            result[str(path.relative_to(folder))] = (info.st_ino, info.st_mtime_ns)
    return result


def settle(seconds: int) -> None:
    subprocess.run(["sync"])
    time.sleep(seconds)


def median(samples: list) -> tuple:
    """The sample with the median wall time (its memory with it), and the largest peak memory of all."""
    ordered = sorted(samples)
    return ordered[(len(ordered) - 1) // 2][0], max(memory for _, memory in samples)


def bench(size: int, work: Path, settle_seconds: int, runs: int) -> dict:
    sites = work / f"n{size}"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_sites.py"), str(size), str(sites)], check=True)
    tiendo_root, hugo_root = sites / "tiendo", sites / "hugo"
    hugo_out = sites / "hugo-public"
    trash = work / ".trash-bench"
    trash.mkdir(parents=True, exist_ok=True)

    def set_aside(*paths: Path) -> None:
        for path in paths:
            if path.exists():
                path.rename(trash / f"{path.name}-{time.time_ns()}")

    # Clean builds, the two tools alternating: each starts with no output, cache or spare generation.
    tiendo_cleans, hugo_cleans = [], []
    for _ in range(runs):
        set_aside(tiendo_root / "Output", *tiendo_root.glob(".Output.tiendo-*"), hugo_out)
        settle(settle_seconds)
        tiendo_cleans.append(timed([str(TIENDO), "build"], tiendo_root))
        settle(settle_seconds)
        hugo_cleans.append(timed(["hugo", "--quiet", "-d", str(hugo_out)], hugo_root))
    # One cell: a library's 2024 visits (a count the growth indicators sum), changed before each rebuild. The
    # first rebuild after a clean build also lays out the writer's second generation (a hard link per file);
    # later ones touch only what changed.
    data = tiendo_root / "Content" / "data" / "hoat-dong.csv"

    def change_cell() -> None:
        text = data.read_text(encoding="utf-8")
        changed = re.sub(r"^2024,TVH-01,có,(\d+)", lambda m: f"2024,TVH-01,có,{int(m.group(1)) + 1000}", text,
                         count=1, flags=re.M)
        assert changed != text, "the benchmark's data cell was not found"
        data.write_text(changed, encoding="utf-8")

    change_cell()
    settle(settle_seconds)
    first_rebuild = timed([str(TIENDO), "build"], tiendo_root)
    # The first rebuild changed the metadata of every file (a hard link each): its writeback is finished before the
    # rebuilds are timed, as the clean builds' is before each clean build, so that they do not share the disk with
    # it. (Measured both ways, four times, the medians moved from run to run more than between the two ways.)
    settle(settle_seconds)
    rebuilds = []
    for _ in range(max(runs, 11) - 1):
        change_cell()
        rebuilds.append(timed([str(TIENDO), "build"], tiendo_root))
    before = stamps(tiendo_root / "Output")
    change_cell()
    rebuilds.append(timed([str(TIENDO), "build"], tiendo_root))
    after = stamps(tiendo_root / "Output")
    rewritten = sorted(path for path in after if before.get(path) != after[path])
    noops = [timed([str(TIENDO), "build"], tiendo_root) for _ in range(3)]
    index = (tiendo_root / "Output" / "tim-kiem" / "chi-muc.json").read_bytes()
    return {"size": size, "tiendo": median(tiendo_cleans), "hugo": median(hugo_cleans), "first": first_rebuild,
            "rebuild": median(rebuilds), "noop": median(noops), "rewritten": rewritten,
            "pages": len([p for p in after if p.endswith(".html")]), "index": len(gzip.compress(index, 9)),
            "samples": {"tiendo": [s for s, _ in tiendo_cleans], "hugo": [s for s, _ in hugo_cleans],
                        "rebuild": [s for s, _ in rebuilds]}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 20000])
    parser.add_argument("--settle", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3, help="clean builds of each tool (medians are printed)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/tiendo-bench"))
    parser.add_argument("--keep-trash", action="store_true",
                        help="leave WORK/.trash-bench (deleting it slows down making files for minutes: see run.py); "
                             "it grows by every clean build's outputs, so empty it when done")
    args = parser.parse_args()
    ensure_tools()
    results = [bench(size, args.work, args.settle, max(1, args.runs)) for size in args.sizes]
    if not args.keep_trash:
        shutil.rmtree(args.work / ".trash-bench", ignore_errors=True)
    print(f"\n{'sections':>9} {'tiendo s':>9} {'MiB':>6} {'hugo s':>8} {'MiB':>6} {'ratio':>6} "
          f"{'1st rebuild':>11} {'rebuild s':>10} {'/clean':>7} {'MiB':>5} {'no-op s':>8} rewritten")
    for r in results:
        print(f"{r['size']:>9} {r['tiendo'][0]:>9.2f} {r['tiendo'][1]:>6.0f} {r['hugo'][0]:>8.2f} {r['hugo'][1]:>6.0f} "
              f"{r['tiendo'][0] / r['hugo'][0]:>6.2f} {r['first'][0]:>11.2f} {r['rebuild'][0]:>10.3f} "
              f"{r['rebuild'][0] / r['tiendo'][0]:>7.3f} {r['rebuild'][1]:>5.0f} {r['noop'][0]:>8.2f} "
              f"{len(r['rewritten'])} files")
        print("   rewritten: " + ", ".join(r["rewritten"][:12]) + (" …" if len(r["rewritten"]) > 12 else ""))
        for name, samples in r["samples"].items():
            print(f"   {name} runs (s): " + " ".join(f"{s:.3f}" for s in samples))
        print(f"   search index: {r['index'] / 1024:.0f} KB gzipped, {r['index'] / 1024 / r['pages'] * 1000:.0f} KB "
              f"per 1,000 pages (budget 300)")
    if len(results) >= 2:
        first, last = results[0], results[-1]
        print(f"\ngrowth: {last['size']} sections take {last['tiendo'][0] / first['tiendo'][0]:.2f}× the time of "
              f"{first['size']} (Hugo: {last['hugo'][0] / first['hugo'][0]:.2f}×)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Two builds of Tiendo against each other, alternating in one run, on the benchmark's site.

    python3 bench/ab.py OLD_TIENDO NEW_TIENDO [--size 10000] [--clean 5] [--rebuilds 11] [--work /tmp/tiendo-ab] [--settle 0]

Both binaries get their own copy of the same site (bench/make_sites.py). The script alternates them: `--clean`
clean builds each (outputs moved aside first, never deleted: see bench/run.py), then `--rebuilds` one-cell
rebuilds each (the cell bench/run.py changes). It prints, for each binary, the medians of wall time, user and
system CPU, and the `render` step that `TIENDO_TIMINGS=1` reports for clean builds. This is how a change's speed
is judged on a shared machine: a single run varies by a third, two binaries run side by side do not drift apart.
Finally it checks that both binaries published the same bytes.
"""
import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(binary: Path, site: Path) -> tuple:
    """Wall, user and system seconds of one `tiendo build`, and its render step in ms (or None)."""
    # Wall time from this process's clock, CPU from the children's resource usage before and after (to the
    # microsecond: /usr/bin/time prints it to 10 ms, as much as two binaries' rebuilds differ).
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([str(binary), "build"], cwd=site, capture_output=True, text=True,
                            env={**os.environ, "TIENDO_TIMINGS": "1"})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{binary} build failed:\n{result.stdout}\n{result.stderr}")
    user, system = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
    render = re.search(r"timing: render: (\d+) ms", result.stderr)
    return wall, user, system, int(render.group(1)) if render else None


def median(values: list) -> float:
    ordered = sorted(v for v in values if v is not None)
    return ordered[(len(ordered) - 1) // 2] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--clean", type=int, default=5)
    parser.add_argument("--rebuilds", type=int, default=11)
    parser.add_argument("--work", type=Path, default=Path("/tmp/tiendo-ab"))
    parser.add_argument("--settle", type=float, default=0,
                        help="seconds to wait after syncing, before each clean build (bench/run.py waits 5)")
    parser.add_argument("--keep-trash", action="store_true",
                        help="leave WORK/.trash-bench (deleting it slows down making files for minutes: see run.py); "
                             "it grows by every clean build's outputs, so empty it when done")
    args = parser.parse_args()
    trash = args.work / ".trash-bench"
    sites = {}
    for name, binary in (("old", args.old), ("new", args.new)):
        if not binary.is_file():
            sys.exit(f"{binary}: no such binary")
        sites[name] = args.work / name
        subprocess.run([sys.executable, str(REPO / "bench" / "make_sites.py"), str(args.size), str(sites[name])],
                       check=True)
    binaries = {"old": args.old.resolve(), "new": args.new.resolve()}
    clean = {"old": [], "new": []}
    rebuild = {"old": [], "new": []}
    trash.mkdir(parents=True, exist_ok=True)
    for _ in range(args.clean):
        for name in ("old", "new"):
            site = sites[name] / "tiendo"
            for path in [site / "Output", *site.glob(".Output.tiendo-*")]:
                if path.exists():
                    path.rename(trash / f"{name}-{path.name}-{time.time_ns()}")
            subprocess.run(["sync"])
            time.sleep(args.settle)
            clean[name].append(run(binaries[name], site))
    for name in ("old", "new"):
        run(binaries[name], sites[name] / "tiendo")  # lays out the spare generation
    for _ in range(args.rebuilds):
        for name in ("old", "new"):
            site = sites[name] / "tiendo"
            data = site / "Content" / "data" / "hoat-dong.csv"
            text = data.read_text(encoding="utf-8")
            data.write_text(re.sub(r"^2024,TVH-01,có,(\d+)", lambda m: f"2024,TVH-01,có,{int(m.group(1)) + 1000}",
                                   text, count=1, flags=re.M), encoding="utf-8")
            rebuild[name].append(run(binaries[name], site))
    for name in ("old", "new"):
        c, r = clean[name], rebuild[name]
        print(f"{name}: clean wall {median([x[0] for x in c]):.2f} s, user {median([x[1] for x in c]):.2f} s, "
              f"sys {median([x[2] for x in c]):.2f} s, render {median([x[3] for x in c]):.0f} ms; "
              f"rebuild wall {median([x[0] for x in r]):.3f} s, CPU {median([x[1] + x[2] for x in r]):.3f} s")
    same = subprocess.run(["diff", "-rq", str(sites["old"] / "tiendo" / "Output"),
                           str(sites["new"] / "tiendo" / "Output")], capture_output=True, text=True)
    print("output: identical" if same.returncode == 0 else "output differs:\n" + same.stdout[:2000])
    if not args.keep_trash:
        shutil.rmtree(trash, ignore_errors=True)


if __name__ == "__main__":
    main()

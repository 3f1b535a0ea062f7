"""Speed and memory of plansjekk against poppler's pdftotext, and of the batch with its cache.

    .venv/bin/python benchmarks/make_plans.py     # once: generates benchmarks/_data/
    .venv/bin/python benchmarks/speed.py          # prints the tables (medians of --repeat 5 runs)
    .venv/bin/python benchmarks/speed.py --quick  # 1 run, sizes 10/60 only, no batch

Per plan size (10/60/120/400 pages): plansjekk's end-to-end seconds per page in-process
(read + match), pdftotext's seconds per page on the same file in the same run, their ratio,
the matcher's share of plansjekk's time, and peak memory (peak RSS, VmHWM, of a fresh process that
reads and matches the plan once; the bare interpreter with plansjekk imported is printed
for reference). One plan from the command line: the wall time a planner waits for
`plansjekk check` on the 14- and 120-page plans in a new process, and the start-up alone
(`--version`). Batch of 70: wall time of the `plansjekk check` command with --jobs 1 and
--jobs 2 against an empty cache, with a warm cache, and after one file changed (the number
of cache entries added shows how many documents were read).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
DATA = HERE / "_data"
PYTHON = sys.executable
TARGETS = {"ratio_120": 3.0, "matcher_share": 0.25, "peak_mb_400": 300, "cold_2": 30, "warm": 3}


def median_time(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pick_ruleset(requested: str) -> str:
    """The requested ruleset, or the first bundled one while the default is being written."""
    from plansjekk.rules import load_ruleset

    try:
        load_ruleset(requested)
        return requested
    except Exception:
        from plansjekk.rules.resolve import bundled_dir

        names = sorted(e.name for e in bundled_dir().iterdir() if e.name.endswith(".yaml"))
        fallback = names[0].removesuffix(".yaml")
        print(f"(ruleset {requested!r} not available; using {fallback!r})")
        return fallback


# ----------------------------------------------------------------------------- per size


def measure_size(path: Path, ruleset_ref: str, repeat: int) -> dict[str, float]:
    from plansjekk.documents import read_document
    from plansjekk.matching import check_document
    from plansjekk.policy import FailOn
    from plansjekk.rules import load_ruleset

    ruleset = load_ruleset(ruleset_ref)
    read_times, match_times = [], []
    pages = 0
    for _ in range(repeat):
        start = time.perf_counter()
        document = read_document(path)
        middle = time.perf_counter()
        check_document(document, ruleset, FailOn.REQUIRED_PARTIAL)
        end = time.perf_counter()
        read_times.append(middle - start)
        match_times.append(end - middle)
        pages = document.pages or pages
    pdf = path.with_suffix(".pdf")
    pages = pages or _pdf_pages(pdf)
    poppler = median_time(
        lambda: subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, stdout=subprocess.DEVNULL
        ),
        repeat,
    )
    read, match = statistics.median(read_times), statistics.median(match_times)
    return {
        "pages": pages,
        "read": read,
        "match": match,
        "total": read + match,
        "pdftotext": poppler,
        "peak_mb": peak_rss_mb(path, ruleset_ref),
    }


def _pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return next(
        (int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages")), 1
    )


def peak_rss_mb(path: Path | None, ruleset_ref: str) -> float:
    """Max RSS of a fresh process that reads and matches `path` once (None: imports only)."""
    argv = [PYTHON, __file__, "--_peak", str(path or ""), "--rules", ruleset_ref]
    output = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    return float(output.strip().splitlines()[-1])


def _peak_child(path: str, ruleset_ref: str) -> None:
    from plansjekk.documents import read_document
    from plansjekk.matching import check_document
    from plansjekk.policy import FailOn
    from plansjekk.rules import load_ruleset

    ruleset = load_ruleset(ruleset_ref)
    if path:
        check_document(read_document(path), ruleset, FailOn.REQUIRED_PARTIAL)
    print(_high_water_mb())


def _high_water_mb() -> float:
    """VmHWM: peak RSS of this process image. (ru_maxrss would also count the parent's
    memory copied at fork, before exec, on Linux.)"""
    try:
        status = Path("/proc/self/status").read_text()
        line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ----------------------------------------------------------------------------- batch


def run_cli(
    folder: Path,
    jobs: int,
    cache: Path,
    ruleset_ref: str,
    no_cache: bool = False,
    output: tuple[str, ...] = ("-f", "json", "-o"),
) -> float:
    """Wall time of one `plansjekk check` in a new process; the report goes to
    `cache.parent / "report.json"` (`output` names the options before that path)."""
    env = {**os.environ, "PLANSJEKK_CACHE_DIR": str(cache)}
    env.pop("NO_COLOR", None)
    argv = [
        PYTHON,
        "-m",
        "plansjekk",
        "check",
        str(folder),
        "-r",
        ruleset_ref,
        "-j",
        str(jobs),
        *output,
        str(cache.parent / "report.json"),
        "--exit-zero",
    ]
    if no_cache:
        argv.append("--no-cache")
    cache.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def cache_entries(cache: Path) -> int:
    return sum(1 for _ in (cache / "results").rglob("*.pickle")) if cache.exists() else 0


def measure_batch(folder: Path, ruleset_ref: str, repeat: int) -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix="plansjekk-bench-"))
    try:
        plans = work / "plans"
        shutil.copytree(folder, plans)
        results: dict[str, float] = {}
        for jobs in (1, 2):
            results[f"cold_{jobs}"] = statistics.median(
                run_cli(plans, jobs, work / f"nocache{jobs}-{i}" / "c", ruleset_ref, no_cache=True)
                for i in range(repeat)
            )
        cache = work / "shared" / "cache"
        results["fill"] = run_cli(plans, 2, cache, ruleset_ref)
        results["warm"] = statistics.median(
            run_cli(plans, 2, cache, ruleset_ref) for _ in range(repeat)
        )
        changed = sorted(plans.glob("*.pdf"))[3]
        with changed.open("ab") as handle:  # trailing bytes: same plan, new content hash
            handle.write(b"\n% endret\n")
        before = cache_entries(cache)
        results["one_changed"] = run_cli(plans, 2, cache, ruleset_ref)
        results["read_after_change"] = cache_entries(cache) - before
        report = json.loads((cache.parent / "report.json").read_text(encoding="utf-8"))
        docs = report["documents"]
        results["documents"] = len(docs)
        results["errors"] = sum(1 for d in docs if d["status"] == "error")
        results["pages"] = sum(d.get("pages") or 0 for d in docs)
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ----------------------------------------------------------------------------- one plan


def measure_one_plan(paths: list[Path], ruleset_ref: str, repeat: int) -> dict[str, float]:
    """What a planner waits for: `plansjekk check PLAN` in a new process, no cache, the
    terminal report (written to a file), one worker as by default; and the start-up floor,
    `plansjekk --version`."""
    work = Path(tempfile.mkdtemp(prefix="plansjekk-one-"))
    try:
        found: dict[str, float] = {}
        for path in paths:
            found[path.name] = statistics.median(
                run_cli(
                    path,
                    1,
                    work / f"{path.stem}-{i}" / "c",
                    ruleset_ref,
                    no_cache=True,
                    output=("-f", "terminal", "-o"),
                )
                for i in range(repeat)
            )
        found["--version"] = median_time(
            lambda: subprocess.run(
                [PYTHON, "-m", "plansjekk", "--version"], check=True, stdout=subprocess.DEVNULL
            ),
            repeat,
        )
        return found
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ----------------------------------------------------------------------------- printing


def print_sizes(rows: dict[int, dict[str, float]], baseline_mb: float) -> None:
    print("\nPer plan (PDF unless noted; medians)")
    header = (
        f"{'plan':>10} {'pages':>5} {'plansjekk s/p':>13} {'pdftotext s/p':>13} "
        f"{'ratio':>6} {'read ms/p':>9} {'match ms/p':>10} {'matcher':>8} {'peak MB':>8}"
    )
    print(header)
    print("-" * len(header))
    for label, r in rows.items():
        pages = max(1, int(r["pages"]))
        print(
            f"{label:>10} {pages:>5} {r['total'] / pages:>13.4f} "
            f"{r['pdftotext'] / pages:>13.4f} {r['total'] / r['pdftotext']:>6.2f} "
            f"{r['read'] / pages * 1000:>9.2f} {r['match'] / pages * 1000:>10.2f} "
            f"{r['match'] / r['total']:>8.0%} {r['peak_mb']:>8.0f}"
        )
    print(
        f"(peak MB of a process that only imports plansjekk and loads the rules: {baseline_mb:.0f})"
    )


def print_batch(b: dict[str, float]) -> None:
    print(
        f"\nBatch: {int(b['documents'])} files ({int(b['errors'])} unreadable on purpose), "
        f"{int(b['pages'])} pages, `plansjekk check` wall time (medians)"
    )
    print(f"  --jobs 1, no cache     {b['cold_1']:7.2f} s")
    speedup = b["cold_1"] / b["cold_2"]
    print(f"  --jobs 2, no cache     {b['cold_2']:7.2f} s   (speed-up {speedup:.2f}×)")
    print(f"  --jobs 2, warm cache   {b['warm']:7.2f} s")
    print(
        f"  one file changed       {b['one_changed']:7.2f} s   "
        f"(documents read: {int(b['read_after_change'])})"
    )


def print_one_plan(found: dict[str, float]) -> None:
    print("\nOne plan from the command line (new process, no cache, terminal report; medians)")
    for name, seconds in found.items():
        label = "start-up only (--version)" if name == "--version" else f"plansjekk check {name}"
        print(f"  {label:<34} {seconds:6.2f} s")


def print_verdicts(rows: dict[int, dict[str, float]], batch: dict[str, float] | None) -> None:
    print("\nTargets (issue 8)")
    if "120" in rows:
        r = rows["120"]
        ratio = r["total"] / r["pdftotext"]
        reader_ratio = r["read"] / r["pdftotext"]
        _verdict(
            f"120 pages ≤ {TARGETS['ratio_120']}× pdftotext",
            ratio <= TARGETS["ratio_120"],
            f"{ratio:.2f}× (reader alone {reader_ratio:.2f}×)",
        )
    # The done-when names the matcher's share right after the 120-page plan's end-to-end
    # time ("... on the 120-page plan ..., the matcher takes under a quarter of the total"):
    # judged there. The other sizes are printed beside it, not judged.
    shares = {k: r["match"] / r["total"] for k, r in rows.items() if not k.endswith("docx")}
    if "120" in shares:
        others = ", ".join(
            f"{share:.0%} at {rows[k]['pages']} p" for k, share in shares.items() if k != "120"
        )
        _verdict(
            "120 pages: matcher < 25 % of total",
            shares["120"] < TARGETS["matcher_share"],
            f"{shares['120']:.0%}" + (f" (not judged: {others})" if others else ""),
        )
    if "400" in rows:
        peak = rows["400"]["peak_mb"]
        _verdict("400 pages peak < 300 MB", peak < TARGETS["peak_mb_400"], f"{peak:.0f} MB")
    if batch:
        _verdict(
            "batch, 2 workers, cold < 30 s",
            batch["cold_2"] < TARGETS["cold_2"],
            f"{batch['cold_2']:.1f} s",
        )
        _verdict("batch, warm < 3 s", batch["warm"] < TARGETS["warm"], f"{batch['warm']:.2f} s")
        _verdict(
            "one changed file → one read",
            batch["read_after_change"] == 1,
            f"{int(batch['read_after_change'])} read",
        )


def _verdict(name: str, ok: bool, detail: str) -> None:
    print(f"  {'ok  ' if ok else 'MISS'} {name}: {detail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="plansjekk speed and memory benchmark")
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 60, 120, 400])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rules", default="bvl-15-1")
    parser.add_argument("--no-batch", action="store_true")
    parser.add_argument("--quick", action="store_true", help="1 run, 10/60 pages, no batch")
    parser.add_argument("--_peak", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._peak is not None:
        _peak_child(args._peak, args.rules)
        return 0
    if args.quick:
        args.sizes, args.repeat, args.no_batch = [10, 60], 1, True
    if not (DATA / "sizes").exists():
        print("no plans yet: run benchmarks/make_plans.py first", file=sys.stderr)
        return 2
    ruleset_ref = pick_ruleset(args.rules)
    print(
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}, "
        f"medians of {args.repeat} runs, ruleset {ruleset_ref}"
    )
    rows: dict[str, dict[str, float]] = {}
    for pages in args.sizes:
        pdf = DATA / "sizes" / f"plan-{pages:03d}.pdf"
        if not pdf.exists():
            print(f"missing {pdf}; run make_plans.py --sizes {pages}", file=sys.stderr)
            continue
        rows[str(pages)] = measure_size(pdf, ruleset_ref, args.repeat)
        docx = pdf.with_suffix(".docx")
        if docx.exists() and pages in (60, 120):
            rows[f"{pages} docx"] = measure_size(docx, ruleset_ref, args.repeat)
    print_sizes(rows, peak_rss_mb(None, ruleset_ref))
    singles = [DATA / "sizes" / f"plan-{pages:03d}.pdf" for pages in (10, 120)]
    if not args.quick and all(path.exists() for path in singles):
        print_one_plan(measure_one_plan(singles, ruleset_ref, args.repeat))
    batch = None
    folder = DATA / "batch70"
    if not args.no_batch and folder.exists():
        batch = measure_batch(folder, ruleset_ref, args.repeat)
        print_batch(batch)
    print_verdicts(rows, batch)
    return 0


if __name__ == "__main__":
    sys.exit(main())

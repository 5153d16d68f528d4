"""Time the exporters on the large sample plan and report peak memory.

    .venv/bin/python scripts/bench_export.py [--repeat 7]

The large plan has 10 danger/goal pairs, 40 steps, 30 people and 5 meetings
of scores (so the worker document draws 10 charts). Times are wall-clock
seconds per export (and CPU seconds, steadier on a busy machine), measured
without tracemalloc; peak memory is then measured in one more run of each
export under tracemalloc, which sees Python's allocations but not lxml's or
matplotlib's C buffers, so the process's maximum resident size is printed too.
The target is under 1 second for the worker .docx.
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporters import ExportOptions  # noqa: E402


def load_samples():
    path = ROOT / "tests" / "unit" / "exporters" / "export_samples.py"
    spec = importlib.util.spec_from_file_location("exporter_sample_plans", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per export")
    args = parser.parse_args()

    samples = load_samples()
    plan = samples.large_plan()
    options = ExportOptions(version="worker", today=samples.TODAY)

    started = time.perf_counter()
    # First use pays for importing python-docx and matplotlib: shown apart.
    from exporters.docx_meeting import render_meeting_pack
    from exporters.docx_plan import render_plan
    from exporters.json_plan import plan_to_json

    render_plan(plan, options)
    cold = time.perf_counter() - started

    exports: dict[str, Callable[[], object]] = {
        "worker .docx (10 charts)": lambda: render_plan(plan, options),
        "family .docx (10 charts)": lambda: render_plan(
            plan, ExportOptions(version="family", today=samples.TODAY)
        ),
        "meeting pack .docx": lambda: render_meeting_pack(plan, options),
        "JSON": lambda: plan_to_json(plan),
    }
    print(
        f"Large plan: {len(plan.pairs)} pairs, {len(plan.steps)} steps, "
        f"{len(plan.people)} people, {len(plan.meetings)} meetings, "
        f"{sum(len(p.scores) for p in plan.pairs)} scores"
    )
    print(f"First worker .docx including imports: {cold:.3f} s\n")
    print(
        f"{'export':<26} {'median s':>9} {'max s':>7} {'median CPU s':>13} "
        f"{'size kB':>8} {'peak MB':>8}"
    )
    for name, export in exports.items():
        times, cpu = [], []
        for _ in range(args.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            result = export()
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        tracemalloc.start()
        export()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size = len(result.encode("utf-8") if isinstance(result, str) else result) / 1024
        print(
            f"{name:<26} {statistics.median(times):>9.3f} {max(times):>7.3f} "
            f"{statistics.median(cpu):>13.3f} "
            f"{size:>8.0f} {peak / 2**20:>8.1f}"
        )
    # Last, as it changes the plan's text. The quality checks run on every review;
    # target well under 100 ms for a large plan.
    from bot.quality.checks import check_plan

    check_plan(plan)  # warm the caches once, as a running server has
    checks = []
    for run in range(args.repeat):
        for pair in plan.pairs:  # fresh text each run, so no cached result is timed
            pair.danger_statement += f" ({run})"
        start = time.perf_counter()
        check_plan(plan)
        checks.append(time.perf_counter() - start)
    print(f"\nQuality checks on the large plan: median {statistics.median(checks) * 1000:.0f} ms, "
          f"max {max(checks) * 1000:.0f} ms (target under 100 ms)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(f"\nProcess maximum resident size: {rss:.0f} MB ({args.repeat} runs each)")


if __name__ == "__main__":
    main()

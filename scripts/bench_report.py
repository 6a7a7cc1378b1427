"""The benchmark's report: the Markdown table for the README, the machine, the raw numbers."""

from __future__ import annotations

import os
import platform
import subprocess
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from bench_plans import TODAY
from bench_run import Result
from bench_tui import BOARD_COLS, BOARD_ROWS, LIVE_CHANGES


def machine_info(exe_python: str) -> dict[str, object]:
    """CPU model, cores, the children's Python version, OS and date."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        version = subprocess.run(
            [exe_python, "-c", "import platform; print(platform.python_version())"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        version = platform.python_version()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": version,
        "os": f"{platform.system()} {platform.release()}",
        "date": datetime.now().strftime("%Y-%m-%d"),
    }


def markdown(results: list[Result], machine: Mapping[str, object], repeat: int) -> str:
    """The table for the README, with targets beside the figures, and a machine line."""
    lines = [
        "| figure | size | median | peak MB | target | |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        size = f"{r.size:,}" if r.size is not None else "–"
        if r.plan:
            size = f"{r.plan} {size}"
        target = f"{'<' if r.below else '≤'} {r.target:g} {r.unit}" if r.target is not None else ""
        verdict = "" if r.target is None else ("**MISS**" if r.missed else "ok")
        value = f"{r.median:.0f} {r.unit}"
        if r.unit in ("s", "%"):
            value = f"{r.median:.2f} s" if r.unit == "s" else f"{r.median:.1f} %"
        peak = f"{r.peak_mb:.0f}" if r.peak_mb is not None else "–"
        lines.append(f"| {r.figure} | {size} | {value} | {peak} | {target} | {verdict} |")
    lines.append("")
    lines.append(
        f"Machine: {machine['cpu']}, {machine['cores']} cores, Python {machine['python']}, "
        f"{machine['os']}, {machine['date']}. Whole process, median of {repeat} fresh "
        "processes after one warm-up; peak MB is the child's max RSS (wait4; floor "
        f"{machine['rss_floor_mb']:.0f} MB). Board: {BOARD_COLS}x{BOARD_ROWS}, moves pooled over "
        "the runs (see scripts/bench_board.py); views: the opens of every run pooled; live "
        f"refresh: median of {LIVE_CHANGES} changes in one run (see scripts/bench_views.py); "
        f"idle CPU: one run each. Load average (1 min) {machine['load_start']:.2f} at the "
        f"start, {machine['load_end']:.2f} at the end; other work on the machine shows in the "
        "times."
    )
    return "\n".join(lines)


def raw_numbers(
    results: list[Result], machine: Mapping[str, object], repeat: int
) -> dict[str, object]:
    """Everything measured, for ``--json``: the machine, and each figure's every sample."""
    return {
        "machine": machine,
        "repeat": repeat,
        "today": TODAY.isoformat(),
        "results": [
            {
                "figure": r.figure,
                "size": r.size,
                "plan": r.plan,
                "unit": r.unit,
                "target": r.target,
                "median": r.median,
                "peak_mb": r.peak_mb,
                "missed": r.missed,
                "values": r.values,
                "seconds": [s.seconds for s in r.samples],
                "maxrss_kb": [s.maxrss_kb for s in r.samples],
            }
            for r in results
        ],
    }

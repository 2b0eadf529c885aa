#!/usr/bin/env python3
"""Prints the benchmark table of the README, measured in one run on this machine.

    python3 benches/run.py              # everything (about 5 minutes on 2 cores)
    python3 benches/run.py --count 100000   # fewer streamed reports for the memory row

Needs: cargo, python3, GNU time (/usr/bin/time, Debian package `time`); valgrind for the
instruction counts (skipped when absent). Columns:

- reports/s/core: criterion's mean time per report (benches/throughput.rs, one thread) on
  200 generated reports of policy-2021 (seed 1, 40–70 indicators, like the seed report);
- × floor, × hand-written: that time divided by the floor's and by the hand-written
  scorer's (lower is better; the targets of issue 5 are ≤ 2 and ≤ 1.5);
- ÷ floor, in pairs: the same ratios measured again, a round of one process per stage at a
  time (benches/callgrind.rs), so that the machine's drift between criterion's benchmarks,
  seconds apart, does not move them; the median and range of the rounds;
- instructions/report: callgrind on 100 of the same reports (benches/callgrind.rs), less the
  set-up; repeatable on a busy machine, where times are not.
"""

import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
STAGES = [
    ("floor", "serde_json floor: read into the report types"),
    ("perfrules", "perfrules: read + score + build results"),
    ("perfrules+json", "perfrules: read + score + render JSON"),
    ("handwritten", "hand-written policy-2021 scorer: read + score"),
]
REPORTS_PER_ITER = 200
PAIRED_ROUNDS = 15


def run(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, check=True, **kw)


def criterion():
    run(["cargo", "bench", "--bench", "throughput"], stdout=subprocess.DEVNULL)
    out = {}
    for name, _ in STAGES:
        path = os.path.join(TARGET, "criterion", "policy-2021", name, "new", "estimates.json")
        with open(path) as f:
            out[name] = json.load(f)["mean"]["point_estimate"] / REPORTS_PER_ITER  # ns/report
    return out


def callgrind():
    if subprocess.run(["which", "valgrind"], stdout=subprocess.DEVNULL).returncode != 0:
        return {}
    run(["cargo", "build", "--profile", "profiling", "--bench", "callgrind"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deps = os.path.join(TARGET, "profiling", "deps")
    binary = max((os.path.join(deps, f) for f in os.listdir(deps)
                  if f.startswith("callgrind-") and not f.endswith(".d")), key=os.path.getmtime)
    counts = {}
    for stage in ["setup"] + [s for s, _ in STAGES]:
        r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                            binary, stage, "100"], cwd=ROOT, capture_output=True, text=True)
        m = re.search(r"refs:\s+([\d,]+)", r.stderr)
        counts[stage] = int(m.group(1).replace(",", "")) if m else None
    return {s: (counts[s] - counts["setup"]) / 100 for s, _ in STAGES if counts.get(s)}


def cpu_seconds(binary, stage, passes):
    """User + system CPU time of one run of a stage (benches/callgrind.rs) over the 200
    reports of the corpus, `passes` times."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run([binary, stage, str(REPORTS_PER_ITER), str(passes)], stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def paired(rounds=PAIRED_ROUNDS, passes=100):
    """The ratios to the floor measured in pairs: each round runs the set-up, the floor, the
    hand-written scorer and perfrules one after another (in an order that turns each round),
    and divides each stage's time less the set-up by the floor's of the same round. A machine
    that speeds up or slows down between criterion's benchmarks, seconds apart, moves the
    table's ratios by a few per cent; a round is over within two seconds, so its ratio hardly
    moves. The median and the range of the rounds are shown."""
    run(["cargo", "bench", "--bench", "callgrind", "--no-run"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deps = os.path.join(TARGET, "release", "deps")
    binary = max((os.path.join(deps, f) for f in os.listdir(deps)
                  if f.startswith("callgrind-") and not f.endswith(".d")), key=os.path.getmtime)
    stages = ["floor", "handwritten", "perfrules"]
    ratios = {s: [] for s in stages}
    for r in range(rounds):
        order = stages[r % len(stages):] + stages[:r % len(stages)]
        setup = cpu_seconds(binary, "setup", passes)
        t = {s: cpu_seconds(binary, s, passes) - setup for s in order}
        for s in stages:
            ratios[s].append(t[s] / t["floor"])
    return {s: (statistics.median(v), min(v), max(v)) for s, v in ratios.items()}


def process_time(binary, runs=200):
    args = [binary, "eval", "rules/2021.pr", "examples/minhang-2021.json"]
    for _ in range(10):
        run(args, stdout=subprocess.DEVNULL)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run(args, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.mean(times), statistics.median(times), min(times)


def streamed(binary, corpus, count, extra):
    gen = subprocess.Popen([corpus, "--seed", "1", "--count", str(count), "--policy", "2021"],
                           cwd=ROOT, stdout=subprocess.PIPE)
    start = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-v", binary, "eval", "rules/2021.pr", "-", "-q"] + extra,
                       cwd=ROOT, stdin=gen.stdout, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    gen.wait()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
    return rss / 1024, wall


def main():
    count = 1_000_000
    if "--count" in sys.argv:
        count = int(sys.argv[sys.argv.index("--count") + 1])
    run(["cargo", "build", "--release", "--bin", "perfrules", "--example", "corpus"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    binary = os.path.join(TARGET, "release", "perfrules")
    corpus = os.path.join(TARGET, "release", "examples", "corpus")
    load = os.getloadavg()
    ns = criterion()
    pairs = paired()
    instructions = callgrind()
    mean, median, fastest = process_time(binary)
    csv_mb, csv_wall = streamed(binary, corpus, count, ["--format", "csv"])
    sum_mb, sum_wall = streamed(binary, corpus, count, ["--summary", "--format", "json"])

    floor, hand = ns["floor"], ns["handwritten"]
    print(f"| measured ({os.cpu_count()} cores, load {load[0]:.1f} at start) "
          f"| reports/s/core | × floor | × hand-written | instructions/report |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, label in STAGES:
        per_s = 1e9 / ns[name]
        ins = f"{instructions[name] / 1000:,.0f}k" if name in instructions else "—"
        print(f"| {label} | {per_s:,.0f} | {ns[name] / floor:.2f} | {ns[name] / hand:.2f} | {ins} |")
    for name in ["perfrules", "handwritten"]:
        middle, low, high = pairs[name]
        label = dict(STAGES)[name].split(":")[0]
        print(f"| {label} ÷ floor, CPU time in pairs (median of {PAIRED_ROUNDS} rounds; range) "
              f"| | {middle:.2f} ({low:.2f}–{high:.2f}) | | |")
    print(f"| one `perfrules eval` process on examples/minhang-2021.json (mean; median, fastest "
          f"of 200) | {mean:.2f} ms; {median:.2f} ms, {fastest:.2f} ms | | | |")
    print(f"| {count:,} reports streamed on stdin, `--format csv` (peak memory; wall time incl. "
          f"generating them) | {csv_mb:.1f} MB; {csv_wall:.0f} s | | | |")
    print(f"| {count:,} reports streamed on stdin, `--summary --format json` (peak memory; wall "
          f"time) | {sum_mb:.1f} MB; {sum_wall:.0f} s | | | |")


if __name__ == "__main__":
    main()

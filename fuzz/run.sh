#!/usr/bin/env bash
# fuzz/run.sh [SECONDS] [TARGET…] — runs each fuzz target for SECONDS (default 60) and prints
# the executions per target; `fuzz/run.sh 1800` is issue 7's 30 minutes each.
#
#   rules   a rule file: parse, check, score the examples by it, render
#   value   a report cell: the value grammar and the decimal reader
#   report  a report's JSON: read it, score it by every rule file in rules/, render
#   cells   a report's cells (lines of the input as level 1, name, points, target, actual),
#           in a report that always reads: scored by every rule file, rendered
#   fmt     perfrules fmt: same syntax tree after formatting, formatting twice changes nothing
#
# Corpora are seeded from rules/, examples/ and tests/fixtures (fuzz/corpus/, not kept in
# git); every crash or hang lands in fuzz/artifacts/<target>/ — copy it to
# tests/fixtures/fuzz/<target>/ and `cargo test --test fuzz_regressions` replays it. Each run
# is recorded in fuzz/logs/ (executions, crashes, time) and summed up in fuzz/logs/runs.txt.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain; without nightly it
# falls back to RUSTC_BOOTSTRAP=1 on stable (cargo-fuzz needs -Z flags).
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)

seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(rules value report cells fmt)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "cargo-fuzz is missing: cargo install cargo-fuzz" >&2
  exit 2
fi
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
else
  echo "no nightly toolchain: running cargo-fuzz on stable with RUSTC_BOOTSTRAP=1" >&2
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
fi

# Seeds: copied (not linked) so that libFuzzer may add to the corpus freely.
seed() {
  local target=$1 dir=corpus/$1
  mkdir -p "$dir"
  case $target in
    rules | fmt)
      # fixture names repeat across folders: each under its path as a name
      find "$root/rules" "$root/tests/fixtures" -name '*.pr' | while read -r f; do
        cp -n "$f" "$dir/$(echo "${f#"$root"/}" | tr '/' '_')" 2>/dev/null || true
      done
      ;;
    report)
      find "$root/examples" "$root/tests/fixtures" -name '*.json' | while read -r f; do
        cp -n "$f" "$dir/$(echo "${f#"$root"/}" | tr '/' '_')" 2>/dev/null || true
      done
      ;;
    cells)
      # each example's rows, one cell to a line
      if command -v python3 >/dev/null 2>&1; then
        python3 - "$root" "$dir" <<'EOF'
import json, pathlib, sys
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for path in sorted(root.glob('examples/*.json')):
    report = json.loads(path.read_text())
    total = next((r for r in report.get('budget', []) if not r.get('parent')), {})
    lines = [str(total.get('budget', '')), str(total.get('executed', ''))]
    for row in report['indicators']:
        lines += [row.get('level1', ''), row.get('name', ''), str(row.get('points', '')),
                  row.get('target', ''), row.get('actual', ''), str(row.get('self_score', ''))]
    (out / path.stem).write_text('\n'.join(lines))
EOF
      fi
      ;;
    value)
      # every target and actual the examples and fixtures write, one file each
      if command -v python3 >/dev/null 2>&1; then
        python3 - "$root" "$dir" <<'EOF'
import json, pathlib, sys, hashlib
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for path in list(root.glob('examples/*.json')) + list(root.glob('tests/fixtures/**/*.json')):
    try:
        report = json.loads(path.read_text())
    except Exception:
        continue
    rows = report.get('indicators', []) if isinstance(report, dict) else []
    for row in rows if isinstance(rows, list) else []:
        for field in ('target', 'actual'):
            value = row.get(field) if isinstance(row, dict) else None
            if isinstance(value, str):
                name = hashlib.sha1(value.encode()).hexdigest()[:16]
                (out / name).write_text(value)
EOF
      fi
      for v in '>=14次' '=100%' '<=5%' '2季度' '2021年12月底前' '完整' '１００％' '10,500人次' '95%以上'; do
        printf '%s' "$v" >"$dir/seed-$(printf '%s' "$v" | od -An -tx1 | tr -d ' \n' | cut -c1-24)"
      done
      ;;
  esac
}

mkdir -p logs
stamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)
printf '%-8s %14s %10s %8s  %s\n' target executions exec/s crashes log
status=0
for target in "${targets[@]}"; do
  seed "$target"
  log=logs/$target-$stamp.log
  set +e
  "${fuzz[@]}" run "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
    -dict="dicts/$target.dict" -print_final_stats=1 >"$log" 2>&1
  code=$?
  set -e
  execs=$(grep -a 'stat::number_of_executed_units' "$log" | tail -1 | awk '{print $2}' || true)
  rate=$(grep -a 'stat::average_exec_per_sec' "$log" | tail -1 | awk '{print $2}' || true)
  crashes=$(find "artifacts/$target" -type f 2>/dev/null | wc -l | tr -d ' ')
  printf '%-8s %14s %10s %8s  %s\n' "$target" "${execs:-?}" "${rate:-?}" "$crashes" "fuzz/$log"
  echo "$stamp $target seconds=$seconds executions=${execs:-?} exec_per_s=${rate:-?} crashes=$crashes exit=$code" >>logs/runs.txt
  if [ "$code" -ne 0 ]; then
    status=1
    grep -a -m5 -E 'ERROR|panicked|SUMMARY|Test unit written' "$log" >&2 || true
  fi
done
exit $status

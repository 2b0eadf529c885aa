#!/usr/bin/env bash
# scripts/full-checks.sh — the property tests and the differential oracle at full size, in
# release: 20,000 cases per property (PROPTEST_CASES), 101 generated folders scored with
# 1, 2, 3 and 8 threads, 100,000 generated reports per policy compared with the oracle,
# twice (two seed ranges). `cargo test` runs the same tests small.
# Fuzzing is fuzz/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

cases=${PROPTEST_CASES:-20000}
reports=${PERFRULES_ORACLE_REPORTS:-100000}

run() {
  local started=$SECONDS
  "$@"
  echo "  ($((SECONDS - started)) s)"
}

echo "== property tests, $cases cases each"
run env PROPTEST_CASES="$cases" cargo test --release --quiet --test properties
echo "== a batch, whatever the threads ($((cases / 200 + 1)) folders, 16 runs each)"
run env PROPTEST_CASES="$cases" cargo test --release --quiet --test batch_determinism

for seed in 0 1000000; do
  echo "== differential oracle, $reports reports per policy from seed $seed"
  run env PERFRULES_ORACLE_REPORTS="$reports" PERFRULES_ORACLE_SEED="$seed" \
    cargo test --release --quiet --test differential -- --nocapture
done

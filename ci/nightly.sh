#!/usr/bin/env bash
# The nightly fuzzing campaign for one shard:
#   ci/nightly.sh [SHARD_INDEX SHARD_COUNT [SECONDS [OUT_DIR]]]
# Defaults: shard 0 of 1, 3 hours, findings under nightly-findings/. The seed is
# the date, so every shard of one night runs one campaign with no overlap;
# re-running the same command resumes it. Findings are directories with the
# program, dumps, stderr, a JSON record and a replay command.
set -uo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh || exit 1
I=${1:-0}; N=${2:-1}; SECS=${3:-10800}; OUT=${4:-nightly-findings}
SEED=${NIGHTLY_SEED:-$(date -u +%Y%m%d)}
exec cargo run --locked -q --release -p gctorture -- fuzz \
    --seed "$SEED" --shard "$I/$N" --duration "$SECS" --out "$OUT/seed-$SEED" --resume --seeds corpora

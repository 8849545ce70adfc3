#!/usr/bin/env bash
# The heap's torture self-test on both architectures, as release builds with
# fat LTO (the configuration of the design's bug):
#   1. the self-test workload with collection before every allocation and full
#      verification must pass clean;
#   2. every injected fault must be caught - the process dies by SIGABRT and
#      leaves a heap dump - within the time bound.
# Prints one line per run and a summary; exits non-zero on anything short.
set -uo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh

BOUND=${SELFTEST_BOUND_SECONDS:-60}
ITER=${SELFTEST_ITERATIONS:-5}
FAULTS="skip-registers short-stack-scan forget-root double-free tail-left-behind mark-overflow-drop early-finaliser"
fails=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for target in x86_64-unknown-linux-gnu i686-unknown-linux-gnu; do
    echo "== building heap-selftest for $target (release, fat LTO, fault-injection)"
    if ! cargo build -q --release --locked -p upy-heap --features fault-injection --bin heap-selftest --target "$target"; then
        echo "FAIL build $target"; fails=$((fails + 1)); continue
    fi
    bin=target/$target/release/heap-selftest

    out=$(UPY_GC_TORTURE=every UPY_GC_VERIFY=1 UPY_GC_MARK_STACK=16 UPY_HEAPDUMP_DIR="$work" \
          timeout "$BOUND" "$bin" --iterations "$ITER" 2>&1)
    rc=$?
    if [ $rc -eq 0 ]; then
        echo "pass  $target clean torture run: ${out##*heap-selftest: }"
    else
        echo "FAIL  $target clean torture run exited $rc:"; echo "$out" | head -5; fails=$((fails + 1))
    fi

    for fault in $FAULTS; do
        dir="$work/$target-$fault"; mkdir -p "$dir"
        start=$(date +%s%N)
        err=$(UPY_GC_TORTURE=every UPY_GC_VERIFY=1 UPY_GC_MARK_STACK=16 UPY_GC_FAULT="$fault" \
              UPY_HEAPDUMP_DIR="$dir" timeout "$BOUND" "$bin" --iterations "$ITER" 2>&1 >/dev/null)
        rc=$?
        ms=$(( ($(date +%s%N) - start) / 1000000 ))
        dumps=$(find "$dir" -name '*.heapdump' | wc -l)
        first=$(echo "$err" | grep -m1 -E 'gc-torture: [a-z-]+:|content check failed' | cut -c1-150)
        if [ $rc -eq 134 ] && [ "$dumps" -ge 1 ]; then
            echo "pass  $target $fault caught in ${ms} ms: $first"
        else
            echo "FAIL  $target $fault not caught (exit $rc, $dumps dumps, ${ms} ms)"; fails=$((fails + 1))
        fi
    done
done

if [ $fails -eq 0 ]; then
    echo "selftest: all runs passed"
else
    echo "selftest: $fails run(s) failed"
    exit 1
fi

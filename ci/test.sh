#!/usr/bin/env bash
# Every test of the project, on x86-64 and x86 (i686). Installs what a fresh
# machine lacks (ci/setup.sh), then:
#   - formatting and lints (cargo fmt --check, clippy -D warnings);
#   - the whole workspace's tests, debug, on both architectures;
#   - the heap in its torture and fault-injection configurations, debug and
#     release (fat LTO), on both architectures;
#   - the compiler's tests with the heap in torture mode, on both architectures;
#   - the gate (ci/gate.sh): capture-function check and every injected fault
#     caught with a dump, release builds of both architectures;
#   - every libFuzzer target for a few seconds (ci/fuzz-smoke.sh), with nightly.
# Ends with one line "N passed, M failed" counting every test run.
set -uo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh || exit 1

X64=x86_64-unknown-linux-gnu
X86=i686-unknown-linux-gnu
log=$(mktemp)
trap 'rm -f "$log"' EXIT
steps_failed=0

step() {
    local name=$1; shift
    echo "== $name"
    if "$@" 2>&1 | tee -a "$log"; then
        :
    else
        echo "FAILED: $name"; steps_failed=$((steps_failed + 1))
    fi
}

# `cargo test` prints "test result: ..." per binary; tee keeps them for the count.
ctest() { cargo test --locked --no-fail-fast "$@"; }

step "rustfmt" cargo fmt --all -- --check
step "clippy (default features)" cargo clippy --locked --workspace --all-targets -- -D warnings
step "clippy (fault-injection)" cargo clippy --locked -p upy-heap --all-targets --features fault-injection -- -D warnings

for t in $X64 $X86; do
    step "workspace tests, $t" ctest --workspace --target $t
    step "heap, gc-torture, $t" ctest -p upy-heap --features gc-torture --target $t
    step "heap, fault-injection, $t" ctest -p upy-heap --features fault-injection --target $t
    step "heap, fault-injection, release, $t" ctest -p upy-heap --features fault-injection --release --target $t
    if cargo metadata --no-deps --format-version 1 2>/dev/null | grep -q '"name":"upy"'; then
        # The whole corpus under debug torture on x64; on x86 only corpora/gc/
        # here, since the gate runs the whole corpus under release torture on
        # both architectures (a debug x86 torture pass over it takes ~15 min).
        if [ "$t" = "$X64" ]; then
            step "interpreter, gc-torture, $t" ctest -p upy --features gc-torture --target $t
        else
            export UPY_CORPUS_FILTER=/gc/
            step "interpreter, gc-torture, $t (corpus: gc/)" ctest -p upy --features gc-torture --target $t
            unset UPY_CORPUS_FILTER
        fi
    fi
done
step "gate (both architectures)" cargo run --locked -q --release -p gctorture -- gate --locked
# libFuzzer targets need nightly (cargo-fuzz's instrumentation flags).
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    step "fuzz smoke" env FUZZ_SECONDS="${FUZZ_SECONDS:-15}" bash ci/fuzz-smoke.sh
else
    echo "== fuzz smoke skipped: no nightly toolchain on this machine"
fi

passed=$(grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) passed.*/\1/' | awk '{s+=$1} END {print s+0}')
failed=$(grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) failed.*/\1/' | awk '{s+=$1} END {print s+0}')
sp=$(grep -cE '^pass ' "$log"); sf=$(grep -cE '^FAIL ' "$log")
passed=$((passed + sp)); failed=$((failed + sf))
if [ $steps_failed -ne 0 ] && [ "$failed" -eq 0 ]; then failed=$steps_failed; fi
echo "$passed passed, $failed failed"
[ $steps_failed -eq 0 ] && [ "$failed" -eq 0 ]

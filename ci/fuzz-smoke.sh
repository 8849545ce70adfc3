#!/usr/bin/env bash
# Builds every libFuzzer target and runs each for a short fixed time
# (FUZZ_SECONDS, default 20). Installs cargo-fuzz if missing; needs the nightly
# toolchain (cargo-fuzz instruments with sanitizer flags only nightly accepts).
# Seed corpora are generated here, never committed.
#
# The targets run without a sanitizer (-s none): the heap's conservative stack
# scan reads every word between its register array and the stack top, redzones
# included, which AddressSanitizer reports as stack-buffer-underflow by design.
# Their oracles are the reference model and the heap's own verifier; heapdump
# is safe Rust.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-20}

if ! rustup toolchain list | grep -q '^nightly'; then
    echo "fuzz-smoke: installing the nightly toolchain"
    rustup toolchain install nightly --profile minimal || exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz-smoke: installing cargo-fuzz"
    cargo install cargo-fuzz --locked || exit 1
fi

mkdir -p fuzz/corpus/heapdump_read fuzz/corpus/gc_ops
cp heap-dumps/samples/*.heapdump fuzz/corpus/heapdump_read/ 2>/dev/null || true

targets=$(cd fuzz && cargo +nightly fuzz list)
cd fuzz
cargo +nightly fuzz build -s none || exit 1
fails=0
for t in $targets; do
    out=$(cargo +nightly fuzz run -s none "$t" -- -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 2>&1)
    rc=$?
    stats=$(echo "$out" | grep -E '^#[0-9]+.*(DONE|pulse)' | tail -1)
    if [ $rc -eq 0 ]; then
        echo "pass  fuzz $t ${SECONDS_EACH}s: $stats"
    else
        echo "FAIL  fuzz $t (exit $rc):"; echo "$out" | tail -20; fails=$((fails + 1))
    fi
done
[ $fails -eq 0 ]

#!/usr/bin/env bash
# Builds every libFuzzer target, runs each for a short fixed time
# (FUZZ_SECONDS, default 20) from the seed corpora of fuzz/make-seeds.sh, then
# runs .clusterfuzzlite/build.sh locally (SRC/OUT/WORK in a temporary
# directory; docker is not needed) and checks what it leaves in OUT: every
# target, its seed corpus zip and options, and each built target replaying
# its seed corpus without a crash. Installs cargo-fuzz if missing; needs the
# nightly toolchain (cargo-fuzz instruments with flags only nightly accepts).
# Seed corpora are generated here, never committed.
#
# The targets run without a sanitizer (-s none): the heap's conservative stack
# scan reads every word between its register array and the stack top, redzones
# included, which AddressSanitizer reports as stack-buffer-underflow by design.
# Their oracles are the reference model, the heap's own verifier (after every
# collection, in Record mode) and "no panic" (debug assertions on, so integer
# overflow panics too).
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-20}

if ! rustup toolchain list | grep -q '^nightly'; then
    echo "fuzz-smoke: installing the nightly toolchain"
    rustup toolchain install nightly --profile minimal || exit 1
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "fuzz-smoke: installing cargo-fuzz"
    cargo install cargo-fuzz --locked || exit 1
fi

bash fuzz/make-seeds.sh fuzz/corpus || exit 1

targets=$(cd fuzz && cargo +nightly fuzz list)
# The same flags as .clusterfuzzlite/build.sh, so its build below reuses this one.
(cd fuzz && cargo +nightly fuzz build -O --debug-assertions -s none) || exit 1
fails=0
for t in $targets; do
    # Per-input bound: compile_exec runs a whole program under collection at
    # every allocation; anything slower than this is a hang worth seeing.
    out=$(cd fuzz && cargo +nightly fuzz run -O --debug-assertions -s none "$t" "corpus/$t" -- \
        -max_total_time="$SECONDS_EACH" -timeout=25 -rss_limit_mb=2560 2>&1)
    rc=$?
    stats=$(echo "$out" | grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' | tail -1)
    if [ $rc -eq 0 ]; then
        echo "pass  fuzz $t ${SECONDS_EACH}s: $stats"
    else
        echo "FAIL  fuzz $t (exit $rc):"; echo "$out" | tail -30; fails=$((fails + 1))
    fi
done

# .clusterfuzzlite/build.sh, as the service runs it, minus docker.
cfl=$(mktemp -d)
mkdir -p "$cfl/src" "$cfl/out" "$cfl/work"
ln -s "$PWD" "$cfl/src/gctorture"
if SRC="$cfl/src" OUT="$cfl/out" WORK="$cfl/work" RUSTUP_TOOLCHAIN=nightly bash .clusterfuzzlite/build.sh >"$cfl/log" 2>&1; then
    bad=""
    for t in $targets; do
        for f in "$t" "${t}_seed_corpus.zip" "$t.options"; do
            [ -s "$cfl/out/$f" ] || bad="$bad missing:$f"
        done
        # The built target replays its seeds (libFuzzer with -runs=0 runs each input once).
        mkdir -p "$cfl/replay/$t" && (cd "$cfl/replay/$t" && unzip -q "$cfl/out/${t}_seed_corpus.zip")
        "$cfl/out/$t" -runs=0 -timeout=25 "$cfl/replay/$t" >"$cfl/$t.replay" 2>&1 || bad="$bad replay:$t"
    done
    if [ -z "$bad" ]; then
        echo "pass  clusterfuzzlite build.sh: $(echo $targets | wc -w) targets with seed corpora and options in OUT; seeds replay"
    else
        echo "FAIL  clusterfuzzlite build.sh:$bad"; fails=$((fails + 1))
    fi
else
    echo "FAIL  clusterfuzzlite build.sh:"; tail -20 "$cfl/log"; fails=$((fails + 1))
fi
rm -rf "$cfl"
[ $fails -eq 0 ]

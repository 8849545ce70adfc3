#!/bin/bash -eu
# Builds every target of fuzz/ with cargo-fuzz into $OUT, each with its seed
# corpus ($OUT/TARGET_seed_corpus.zip, from fuzz/make-seeds.sh) and options.
# ClusterFuzzLite runs it inside the Dockerfile's image; ci/fuzz-smoke.sh runs
# it locally with SRC, OUT and WORK pointed at temporary directories.
#
# Sanitizer: the heap's conservative stack scan reads every word of the
# native stack, ASan's redzones included, which AddressSanitizer reports by
# design; the targets' oracles are the heap's own verifier and the reference
# models. So the targets are built with `-s none` whatever $SANITIZER asks
# (FUZZ_SANITIZER overrides, e.g. FUZZ_SANITIZER=address once the scan is
# excluded from instrumentation).
cd "${SRC:?}/gctorture"
sanitizer=${FUZZ_SANITIZER:-none}
cd fuzz
cargo fuzz build -O --debug-assertions -s "$sanitizer"
targets=$(cargo fuzz list)
cd ..
bash fuzz/make-seeds.sh "${WORK:-/tmp}/seeds" >/dev/null
triple=$(rustc -vV | sed -n 's/^host: //p')
for t in $targets; do
    cp "fuzz/target/$triple/release/$t" "$OUT/$t"
    (cd "${WORK:-/tmp}/seeds/$t" && zip -q -r "$OUT/${t}_seed_corpus.zip" .)
    # A generous per-input time bound: compile_exec runs whole programs under
    # collection at every allocation.
    printf '[libfuzzer]\ntimeout = 25\nrss_limit_mb = 2560\n' > "$OUT/$t.options"
done
echo "build.sh: built $(echo $targets | wc -w) targets into $OUT"

#!/usr/bin/env bash
# Writes the seed corpora of the libFuzzer targets into fuzz/corpus/TARGET/
# (not committed; .gitignore lists fuzz/corpus). Re-running it is harmless.
#   lex_parse      every program and module under corpora/ (Python text)
#   compile_exec   generator input bytes: deterministic pseudo-random blocks
#                  of several lengths (the generator turns any bytes into a
#                  program; one in eight starts the exec-loop template)
#   gc_ops         operation bytes, made the same way
#   heapdump_read  the sample dumps of heap-dumps/samples/ (real dumps of
#                  every injected fault on x86 and x64), plus each one cut
#                  short, as small inputs for the reader's truncation paths
# Usage: fuzz/make-seeds.sh [OUT_DIR]   (default fuzz/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-fuzz/corpus}
mkdir -p "$OUT"/{lex_parse,compile_exec,gc_ops,heapdump_read}

n=0
while IFS= read -r -d '' f; do
    # Flattened names: corpora/types/int.py -> types_int.py
    name=$(echo "${f#corpora/}" | tr '/' '_')
    cp "$f" "$OUT/lex_parse/$name"
    n=$((n + 1))
done < <(find corpora -name '*.py' -print0 | sort -z)

# Deterministic bytes: a SHA-256 chain from a label, LEN bytes long.
chain() {
    local label=$1 len=$2 h
    h=$(printf '%s' "$label" | sha256sum | cut -c1-64)
    local hex=""
    for _ in $(seq 1 $(((len + 31) / 32))); do
        hex="$hex$h"
        h=$(printf '%s' "$h" | sha256sum | cut -c1-64)
    done
    printf '%s' "${hex:0:$((len * 2))}" | xxd -r -p
}
for i in $(seq 0 47); do
    len=$((64 + (i * 97) % 1900))
    chain "compile_exec-$i" "$len" > "$OUT/compile_exec/seed-$i"
    chain "gc_ops-$i" "$len" > "$OUT/gc_ops/seed-$i"
done
# The exec-loop template starts with a byte divisible by 8.
for i in 0 1 2 3; do
    { printf '\x08'; chain "flt_hex-$i" 600; } > "$OUT/compile_exec/flt-hex-$i"
done

m=0
for d in heap-dumps/samples/*.heapdump; do
    [ -f "$d" ] || continue
    b=$(basename "$d" .heapdump)
    cp "$d" "$OUT/heapdump_read/$b"
    head -c 4096 "$d" > "$OUT/heapdump_read/$b-cut4k"
    m=$((m + 1))
done
echo "make-seeds: lex_parse $n, compile_exec $(ls "$OUT/compile_exec" | wc -l), gc_ops $(ls "$OUT/gc_ops" | wc -l), heapdump_read $((m * 2)) in $OUT"

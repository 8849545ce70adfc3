#!/usr/bin/env bash
# The CI regression gate, one command (the README's main job): builds the
# release+LTO torture and fault-injection builds for x86 and x64 (cached),
# checks the register-capture function in each binary, runs the clean torture
# self-test, requires every injected fault to be caught with a heap dump the
# analyzer explains, then builds `upy` (gc-torture, release+LTO) for both
# architectures, runs corpora/ on both with torture off and at every
# allocation with verification, and a fixed-seed fuzz campaign (seed 1, 150
# programs, CPython as the oracle). Extra arguments go to `gctorture gate`
# (--no-corpus, --fuzz-count N, --corpus-timeout S, --slow S, --upy ARCH=PATH).
set -uo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh || exit 1
exec cargo run --locked -q --release -p gctorture -- gate --locked "$@"

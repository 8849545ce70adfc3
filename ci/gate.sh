#!/usr/bin/env bash
# The CI regression gate, one command (the README's main job): builds the
# release+LTO torture and fault-injection builds for x86 and x64 (cached),
# checks the register-capture function in each binary, runs the clean torture
# self-test, and requires every injected fault to be caught with a heap dump
# the analyzer explains. Corpus and fixed-seed fuzz stages join when `upy`
# runs programs (the gate lists them as not yet in it). Extra arguments go to
# `gctorture gate`.
set -uo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh || exit 1
exec cargo run --locked -q --release -p gctorture -- gate --locked "$@"

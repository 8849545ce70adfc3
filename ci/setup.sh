#!/usr/bin/env bash
# Installs what building and testing need on a fresh machine, and nothing that
# is already there: the i686 Rust target and the 32-bit C runtime to link it.
# Safe to run repeatedly.
set -euo pipefail

if ! rustup target list --installed 2>/dev/null | grep -qx i686-unknown-linux-gnu; then
    echo "setup: adding the i686-unknown-linux-gnu Rust target"
    rustup target add i686-unknown-linux-gnu
fi

# 32-bit crt files and libgcc for linking i686 binaries.
if [ ! -e /usr/lib32/crt1.o ] && [ ! -e /usr/lib/i386-linux-gnu/crt1.o ]; then
    echo "setup: installing the 32-bit C runtime (gcc-multilib)"
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq gcc-multilib >/dev/null
fi

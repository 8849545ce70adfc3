#!/bin/sh
# A stand-in for `upy` in the harness's tests, until the real one runs
# programs. Usage: upy-standin.sh [-X OPTION]... PROGRAM
# It behaves as the program's first line says ("# standin: BEHAVIOUR"):
#   pass        print PROGRAM.exp (a correct interpreter)
#   wrong       print something else
#   torture     correct with torture off, wrong under -X gc-torture
#   hang        never finish
#   flood       print far more than any capture bound
#   fork        leave background children behind and hang
#   alloc       allocate without bound (the address-space limit stops it)
#   write       write files in the working directory, then one too large
#   memoryerror a clean MemoryError (a pass for the oracle)
#   gccheck     report a failed heap check the way the heap does
#   SIGNAL      die by that signal (segv, abrt, bus, fpe, ill, kill)
# A program with a line "boom()" anywhere dies by SIGSEGV (for reduce).
torture=0
while [ $# -gt 1 ]; do
    case "$1" in
        -X) case "$2" in gc-torture*) torture=1 ;; esac; shift 2 ;;
        *) shift ;;
    esac
done
prog=$1
if grep -qx 'boom()' "$prog"; then kill -SEGV $$; fi
behaviour=$(sed -n '1s/^# standin: *//p' "$prog")
case "$behaviour" in
    pass) cat "$prog.exp" ;;
    wrong) echo "not what was expected" ;;
    torture) if [ $torture = 1 ]; then echo "changed by torture"; else cat "$prog.exp"; fi ;;
    hang) while :; do sleep 1; done ;;
    flood) yes "flooding the harness with output" | head -c 50000000 ;;
    fork) sleep 1000 & sleep 1000 & sleep 1000 & cat "$prog.exp" ;;
    alloc) awk 'BEGIN { s = sprintf("%300000000s", ""); while (1) s = s s }' ;;
    write) echo data > made.txt; head -c 100000000 /dev/zero > huge.bin; cat "$prog.exp" ;;
    memoryerror) echo "Traceback (most recent call last):" >&2; echo "MemoryError: memory allocation failed" >&2; exit 1 ;;
    gccheck) echo "gc-torture: dangling-field: block 7 points at FREE block 9" >&2; echo "gc-torture: 1 failed check(s) during verification after sweep" >&2; kill -ABRT $$ ;;
    segv) kill -SEGV $$ ;;
    abrt) kill -ABRT $$ ;;
    bus) kill -BUS $$ ;;
    fpe) kill -FPE $$ ;;
    ill) kill -ILL $$ ;;
    kill) kill -KILL $$ ;;
    *) echo "upy-standin: unknown behaviour '$behaviour'" >&2; exit 2 ;;
esac

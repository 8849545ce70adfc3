"""Regenerates error_cases.txt from error_sources.py with CPython's compile().

Run with CPython 3.11: python3 gen_error_cases.py > error_cases.txt
Each case is two lines: `src: <source, escaped>` and `exp: <Kind>: <msg> @<line>:<col>`.
"""
import os

here = os.path.dirname(os.path.abspath(__file__))
ns = {}
exec(open(os.path.join(here, "error_sources.py")).read(), ns)


def esc(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20:
            out.append("\\x%02x" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


for s in ns["CASES"]:
    try:
        compile(s, "c.py", "exec")
        exp = "OK"
    except SyntaxError as e:
        exp = "%s: %s @%s:%s" % (type(e).__name__, e.msg, e.lineno, e.offset)
    print("src: " + esc(s))
    print("exp: " + exp)

# sys.stdout/stderr/stdin as file objects: write counts, names, modes, replacing sys.stdout.
import sys
print(sys.stdout.write("abc\n"), sys.stdout.write("é\n"), sys.stdout.write(""))
print(sys.stderr.write("to stderr\n"))
print(sys.stdout.name, sys.stderr.name, sys.stdin.name)
print(sys.stdout.mode, sys.stdin.mode, sys.stdout.closed)
print(type(sys.stdout).__name__, sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.writable(), sys.stdin.readable(), sys.stdout.readable())
print("stderr line", file=sys.stderr)
class Capture:
    def __init__(self):
        self.text = ""
    def write(self, s):
        self.text += s
        return len(s)
    def flush(self):
        pass
old = sys.stdout
cap = Capture()
sys.stdout = cap
print("captured", 1, 2)
print("more", end="!")
sys.stdout = old
print(repr(cap.text))
print(sys.stdout is old, sys.__name__)
try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sys.stdin.write("x")
except OSError as e:
    print(type(e).__name__, e)
sys.stdout.writelines(["a", "b", "\n"])
print(sys.stdout.flush())

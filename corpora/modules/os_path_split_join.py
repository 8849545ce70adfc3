# os.path string functions: join, split, splitext, basename, dirname, normpath, isabs.
import os.path as p
for a in ["/usr/lib/x.py", "rel/dir/", "file.tar.gz", ".bashrc", "/", "", "a//b/./c/../d", "/a/b/"]:
    print(repr(a), p.split(a), p.splitext(a), p.basename(a), p.dirname(a), p.isabs(a), p.normpath(a) if a else "")
print(p.join("a", "b", "c"), p.join("/a", "/b"), p.join("a/", "b"), p.join("a", ""), p.join("", "x"))
try:
    p.join("a", 1)
except TypeError as e:
    print("TypeError")

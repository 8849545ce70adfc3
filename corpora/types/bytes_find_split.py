# bytes find/count/index/split/join/replace/strip with bytes and int arguments.
b = b"abracadabra"
print(b.find(b"bra"), b.rfind(b"a"), b.count(b"a"), b.index(b"c"), b.rindex(b"b"))
print(b.split(b"a"), b.split(b"a", 2), b.rsplit(b"a", 2), b"  x  y ".split(), b"a\nb\r\nc".splitlines())
print(b.replace(b"a", b"A"), b.replace(b"a", b"", 3), b"xxhixx".strip(b"x"), b"  hi ".lstrip(), b"hi  ".rstrip())
print(b"-".join([b"a", bytearray(b"b")]), b"".join([]))
try:
    b"-".join([b"a", "b"])
except TypeError as e:
    print("TypeError", e)
print(b.partition(b"c"), b.rpartition(b"a"), b.startswith(b"abr"), b.endswith((b"x", b"bra")))
print(b"hello".upper(), b"HeLLo".lower(), b"hello world".title(), b"ab".center(6, b"*"), b"12".zfill(4))
print(b"abc".isalpha(), b"a1".isalnum(), b"12".isdigit(), b" ".isspace(), b"AB".isupper(), b"".isalpha())
print(b.removeprefix(b"abra"), b.removesuffix(b"bra"), b"a" in b, 97 in b, b"" in b)

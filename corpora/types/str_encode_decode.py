# str.encode/bytes.decode with utf-8 and ascii and the error handlers.
s = "héllo €"
print(s.encode(), s.encode("utf-8"), len(s.encode()))
print(s.encode().decode(), b"abc".decode("ascii"), b"\xff\xfeA".decode("utf-8", "ignore"), b"\xffA".decode("utf-8", "replace"))
for call in [lambda: b"\xff".decode(), lambda: b"\x80".decode("ascii")]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print("€".encode("utf-8"), "𝄞".encode("utf-8"), b"\xf0\x9d\x84\x9e".decode(), len("𝄞"))

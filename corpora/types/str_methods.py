# The common str methods.
s = "  Hello, World  "
print(s.strip(), s.lstrip(), s.rstrip(), "xxhixx".strip("x"), s.strip().lower(), s.upper())
print("a,b,,c".split(","), "a b  c ".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), "".split(), "".split(","))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"))
print("hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".index("e"), "hello".count("l"), "aaaa".count("aa"))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "abc".replace("", "-"), "hello".startswith("he"), "hello".endswith(("x", "lo")))
print("abc".isalpha(), "a1".isalnum(), "123".isdigit(), " \t".isspace(), "ABC".isupper(), "abC".islower(), "".isdigit())
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"))
print("42".zfill(5), "-42".zfill(5), "ab".center(6, "*"), "ab".ljust(5) + "|", "ab".rjust(5), "abc".center(2))
print("hello world".title(), "hello".capitalize(), "HeLLo".swapcase(), "a\nb\r\nc".splitlines())
print("x={} y={}".format(1, "a"), "{1}{0}{1}".format("a", "b"), "{name}!".format(name="hi"), "{{}}".format(), "{:>5}|{:<5}|{:^5}".format(1, 2, 3))
print("abc".encode(), "héllo".encode())

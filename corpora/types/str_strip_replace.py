# str strip family with char sets, replace with counts, removeprefix/removesuffix.
s = "xxyhelloyxx"
print(s.strip("xy"), s.lstrip("x"), s.rstrip("yx"), s.strip(""), s.strip(None), "  a  ".strip(None))
print("\t\n a \r\x0b\x0c".strip() + "|", "abc".strip("abc") + "|", "".strip() + "|")
print("aaaa".replace("a", "b", 2), "aaaa".replace("a", "b", -1), "aaaa".replace("a", "b", 0), "aaaa".replace("aa", "a"))
print("abc".replace("", "-", 2), "".replace("", "x"), "abc".replace("abc", ""), "abab".replace("ab", "ba"))
print("prefix_body".removeprefix("prefix_"), "body".removeprefix("x"), "a.py".removesuffix(".py"), "a.py".removesuffix(""), "".removesuffix("a"))
for call in [lambda: "a".replace("a")]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

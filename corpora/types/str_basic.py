# str: indexing, slicing, concatenation, repetition, comparison.
s = "hello world"
print(s[0], s[-1], s[2:5], s[:3], s[6:], s[::-1], s[1:9:2], s[-3:], s[100:], s[-100:2])
print(len(s), len(""), s + "!", "ab" * 3, 3 * "x", "" * 5, "a" * 0)
print("abc" < "abd", "abc" < "ab", "B" < "a", "x" == "x", "x" != "y", "a" in "cat", "z" not in "cat")
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnew\nline\\"), repr("\x01\x7f"))
print(str(5), str("s"), str(None), str([1, "a"]), str((1,)))
for c in "abc":
    print(c, ord(c), chr(ord(c) + 1))
print("é", len("héllo"), "héllo"[1], "héllo"[::-1], "日本語"[1:], ord("€"), chr(8364))

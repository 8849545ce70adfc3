# Non-ASCII text: lengths, indexing, slicing, iteration, methods.
s = "naïve café – 日本語 ✓"
print(len(s), s[2], s[-1], s[6:10], s[::-1], s.upper(), s.title())
print([c for c in "añb"], list(reversed("añb")), "ñ" in s, s.find("日"), s.index("✓"), s.count("é"))
print(s.split(" "), "–".join(["x", "y"]), s.replace("é", "e"), s.encode()[:8], len(s.encode()))
print(repr("é\n"), ord("日"), chr(26085), "ü".center(5, "·"), "Straße".lower(), "ǅ".lower())
print(sorted("çab"), "é" > "e", max("añz"))

# String ordering is by code point; case and accents matter.
words = ["banana", "Apple", "apple", "Éclair", "eclair", "zebra", "Zebra", "", "a", "aa"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(max(words), min(words), "a" < "aa" < "b", "Z" < "a", "é" > "z")
print([w for w in words if w.startswith(("a", "A"))], [w.upper() for w in words if w.islower()])

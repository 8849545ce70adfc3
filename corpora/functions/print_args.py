# print with sep and end, and values of every kind.
print()
print(1, 2, 3, sep=", ")
print("a", "b", sep="")
print("no newline", end="|")
print("next", end="\n\n")
print(1, "two", 3.0, None, True, [4], (5,), {6: 7}, {8}, sep=" / ", end=" END\n")
print(*range(5))
print(*"abc", sep="-")
print("x", sep=None, end=None)
try:
    print(1, sep=5)
except TypeError as e:
    print("TypeError", e)
try:
    print(1, bogus=2)
except TypeError as e:
    print("TypeError", e)

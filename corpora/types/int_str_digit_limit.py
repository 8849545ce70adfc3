# Python 3.11 limit on str->int conversion of very long decimal strings (4300 digits); other bases unlimited.
n = 10 ** 4299
print(len(str(n)), len(str(-n)))
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError", e)
print(int("1" * 4300) % 1000, len(hex(10 ** 5000)), int("f" * 5000, 16) % 10 ** 6)

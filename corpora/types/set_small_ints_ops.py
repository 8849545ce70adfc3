# Set algebra on small ints (printed in CPython's hash order), comprehensions and membership edge cases.
a = {x for x in range(10) if x % 2}
b = set(range(0, 10, 3))
print(a, b, a | b, a & b, a - b, b - a, a ^ b)
print({x % 5 for x in range(20)}, set(), {0, False, 0.0}, {1, True}, len({1, 1.0, True}))
print(3 in a, 3.0 in a, "3" in a, [] == set(), set() == frozenset())
s = set([5, 3, 9])
s.add(1)
print(s, sorted(s, reverse=True), min(s), max(s), sum(s), len(s))
print({i * i for i in range(-3, 4)}, set(range(5)) <= set(range(6)), set("aab") == {"a", "b"})

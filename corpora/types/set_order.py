print({-1, -2, 7, 8, 16, 32}, {1.5, 2.5, 0.5}, {(1, 2), (3, 4), (5, 6), (0, 0)}, {0.1, 0.2, 0.3, 1e100, -2.5})
a = {1, 2, 3, 40, 50, 60, 700}
b = {3, 40, 800, 9, 1}
print(a | b, a & b, a - b, b - a, a ^ b, b ^ a, a.union([5, 4]), a.intersection([700, 1, 99]), a.difference([1]), a.symmetric_difference([1, 999]))
c = set(a); c |= {100, 200}; print(c); c &= {1, 2, 100, 50}; print(c); c -= {1}; print(c); c ^= {7, 2}; print(c)
d = {x * 7 % 23 for x in range(30)}; print(d, d.pop(), d.pop(), d)
e = set(); [e.add(i * 37) for i in range(40)]; [e.discard(i * 74) for i in range(10)]; print(e)
print(frozenset([5, 3, 9]) | {1}, {frozenset([1]), frozenset([2, 3]), frozenset()}, set('a') if False else 0)
print({True, 2, 1.0, 3.5}, {None} == {None}, sorted({'b', 'a'}), {x for x in [3, 1, 2]})

# list.sort stability with keys that tie, reverse preserving order of equals, and sort of nested data.
recs = [("bob", 3), ("al", 1), ("cy", 3), ("di", 2), ("ed", 1), ("fa", 2)]
r = recs[:]
r.sort(key=lambda t: t[1])
print(r)
r.sort(key=lambda t: t[1], reverse=True)
print(r)
r = recs[:]
r.sort(key=lambda t: t[0])
r.sort(key=lambda t: t[1])
print(r)
nums = [3, -1, 2, -3, 1, -2]
nums.sort(key=abs)
print(nums)
words = "the quick brown fox jumps over the lazy dog".split()
words.sort(key=len)
print(words)
big = [(i * 7919) % 101 for i in range(200)]
big.sort()
print(big[:10], big[-5:], big == sorted(big))
nested = [[3, [1]], [1, [2]], [3, [0]], [1, [1]]]
nested.sort()
print(nested)

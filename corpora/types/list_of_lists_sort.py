# Sorting records by several keys, stability across passes.
people = [("ann", 31, "nyc"), ("bob", 25, "sf"), ("cid", 31, "la"), ("dee", 25, "nyc"), ("eve", 40, "sf")]
by_age = sorted(people, key=lambda p: p[1])
print(by_age)
by_city_then_age = sorted(sorted(people, key=lambda p: p[1]), key=lambda p: p[2])
print(by_city_then_age)
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[0], reverse=True)[:2])
nums = [3, -1, 4, -1, 5, -9, 2, 6]
print(sorted(nums, key=abs), sorted(nums, key=lambda v: v % 3), sorted(map(str, nums)))
l = [[3, "c"], [1, "a"], [2, "b"], [1, "z"]]
l.sort()
print(l)

# str.maketrans and str.translate: mappings to str/int/None, three-argument form, errors.
t = str.maketrans("abc", "xyz")
print("aabbcc-abc".translate(t), sorted(t.items()))
t2 = str.maketrans({"a": "1", "b": None, "c": "333", ord("d"): 100})
print("abcd".translate(t2))
t3 = str.maketrans("ab", "AB", "xyz")
print("axbycz".translate(t3), sorted(t3.items()))
print("hello".translate({ord("l"): "L"}), "hello".translate({}), "".translate(t))
for call in [lambda: str.maketrans("ab", "a"), lambda: str.maketrans({"ab": 1}), lambda: str.maketrans(5)]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

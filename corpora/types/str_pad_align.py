# str center/ljust/rjust/zfill with fill chars, widths smaller than the string, errors.
for w in [0, 3, 6, 7, -1]:
    print(repr("abc".center(w)), repr("abc".ljust(w, "*")), repr("abc".rjust(w, "-")), repr("ab".center(w, ".")))
print("1".zfill(4), "+1".zfill(4), "-".zfill(3), "".zfill(2), "abc".zfill(2), "-0.5".zfill(6), "+-1".zfill(5))
for call in [lambda: "a".center(5, "ab"), lambda: "a".ljust(5, ""), lambda: "a".rjust("5"), lambda: "a".zfill(1.5)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
print("é".center(5, "ü"), "x".ljust(3, "\t") + "|")

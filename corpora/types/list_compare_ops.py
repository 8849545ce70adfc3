# List comparison, concatenation, repetition and their errors.
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9], [1, 2] == [1, 2.0])
print([1, [2, 3]] < [1, [2, 4]], [1, 2] <= [1, 2], [3] >= [2, 100])
print([1] * 3, [1, 2] * 0, [0] * -2, 2 * [None], [[]] * 2)
a = [1, 2]
a *= 3
print(a)
a *= 0
print(a)
print([1] + [2], [] + [])
for op in ["[1] + (2,)", "[1] < (1,)", "[1] < ['a']", "[1] * 1.5", "[1] * '2'", "[1] - [1]"]:
    try:
        print(eval(op))
    except TypeError as e:
        print("TypeError", e)
print([1] == (1,), [1] != (1,), [] == [], [None] == [None])
x = [1, 2, 3]
y = x
y += [4]
print(x is y, x)
y = y + [5]
print(x is y, x, y)
print(list() == [], list([1, 2]) is not [1, 2])

# list.insert/pop/remove/clear/extend/append edge cases.
a = [1, 2, 3]
a.insert(0, 0); a.insert(100, 4); a.insert(-1, 3.5); a.insert(-100, -1)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
for i in [10, -10]:
    try:
        a.pop(i)
    except IndexError as e:
        print("IndexError", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
a.remove(3.5)
print(a)
try:
    a.remove(99)
except ValueError as e:
    print("ValueError", e)
a.extend(range(3)); a.extend("ab"); a.extend((9,)); a.extend({7: 0})
print(a)
a += "cd"
print(a)
try:
    a.extend(5)
except TypeError as e:
    print("TypeError", e)
b = a
b.clear()
print(a, len(a))
c = [1]
c.extend(c)
print(c)

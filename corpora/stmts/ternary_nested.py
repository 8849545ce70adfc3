# Conditional expressions: nesting, evaluation laziness, precedence with lambda and tuples.
def side(x):
    print("eval", x)
    return x
print(side(1) if True else side(2))
print(side(1) if False else side(2))
for n in [-5, 0, 5, 50]:
    print(n, "neg" if n < 0 else "zero" if n == 0 else "small" if n < 10 else "big")
f = lambda x: "even" if x % 2 == 0 else "odd"
print([f(i) for i in range(4)], (1, 2) if 0 else (3, 4), 1 if [] else 2 if {} else 3)
x = 1 if 0 else 2, 3
print(x)
print([i if i % 2 else -i for i in range(5)], ((lambda: 1) if 1 else None)())

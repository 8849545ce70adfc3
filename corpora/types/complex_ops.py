# complex arithmetic, comparison, attributes, constructor forms and errors.
a, b = 1 + 2j, 3 - 1j
print(a + b, a - b, a * b, -a, +a, abs(3 + 4j), a.conjugate(), a.real, a.imag, a == 1 + 2j, a != b)
print(complex(), complex(1), complex(1, 2), complex(1j, 1j))
print(a ** 2, (1j) ** 2, 2 ** (0j), 1j * 1j, (2 + 0j) == 2, 1j + 1, 2 * 1j)
for call in [lambda: a < b, lambda: a // b, lambda: a % b, lambda: 1 / 0j, lambda: int(a)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(repr(1j), repr(-1j), repr(0j), repr(1e20j), repr(1.5 + 0j))
print(bool(0j), bool(1j), hash(1 + 0j) == hash(1), complex(True))

# complex: literals, arithmetic, repr, equality, attributes.
z = 3 + 4j
w = complex(1, -2)
print(z, w, 2j, -1j, 0j, complex(), complex(2), complex(1.5, 0), 1j * 1j, (1 + 1j) ** 2)
print(z + w, z - w, z * w, z / w, -z, +z, abs(3 + 4j), z.real, z.imag, z.conjugate(), type(z).__name__)
print(z == 3 + 4j, 1 + 0j == 1, 2j == 2, z != w, hash(1 + 0j) == hash(1), bool(0j), bool(1j))
print(1j ** 2, (2 + 0j) ** 3, (1 + 2j) ** 0, 2 * (1 + 1j), 1.5 + 1j, (1 - 1j) / 2)
print([1j, 1 + 2j], {(1 + 1j): "c"}, repr(-0.5 + 2.25j), complex(0, -0.0))
try:
    1j / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1j < 2j
except TypeError as e:
    print("TypeError", e)

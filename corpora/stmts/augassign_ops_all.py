# Every augmented assignment operator on ints, plus its error cases.
x = 100
x += 5; print(x)
x -= 7; print(x)
x *= 3; print(x)
x //= 4; print(x)
x %= 17; print(x)
x **= 3; print(x)
x >>= 2; print(x)
x <<= 5; print(x)
x &= 0xFF0; print(x)
x |= 0x0F; print(x)
x ^= 0x55; print(x)
x /= 8; print(x)
y = -7
y //= 2; print(y)
y %= 3; print(y)
for code in ["z = 1\nz //= 0", "z = 1\nz %= 0", "z = 1\nz <<= -1", "z = 'a'\nz -= 'a'", "z = None\nz += 1", "q += 1"]:
    try:
        exec(code, {})
    except Exception as e:
        print(type(e).__name__, e)

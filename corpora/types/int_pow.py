# Powers, with and without a modulus.
print(pow(2, 10), pow(3, 200) % 1000, pow(2, 100, 7), pow(7, 1234567, 1000000007))
print(pow(-3, 3), pow(-3, 3, 5), pow(10, 20, 3 ** 30))
print(0 ** 0, 1 ** 1000, (-1) ** 1001)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

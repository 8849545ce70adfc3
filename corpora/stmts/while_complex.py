# while loops: computing with ints, early exits, nested loops.
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(i) for i in range(1, 20)], max(range(1, 1000), key=collatz))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(2 ** 100, 6 ** 50), gcd(17, 5))
primes = []
n = 2
while len(primes) < 25:
    if all(n % p for p in primes if p * p <= n):
        primes.append(n)
    n += 1
print(primes)
i = 0
while True:
    i += 1
    if i > 100:
        break
    if i % 7:
        continue
    print(i, end=" ")
print()

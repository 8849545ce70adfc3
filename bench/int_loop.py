# Loops over ints: Collatz chain lengths and a digit sum, all small-int arithmetic in while/for loops.


def collatz_len(n):
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n = n >> 1
        steps += 1
    return steps


best = 0
best_n = 0
for i in range(1, 60000):
    c = collatz_len(i)
    if c > best:
        best = c
        best_n = i
print(best_n, best)

total = 0
for i in range(450000):
    x = i
    while x:
        total += x % 10
        x //= 10
print(total)

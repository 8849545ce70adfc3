# List churn: append/pop, comprehensions, slicing, sort, insert and index-heavy loops.


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    return [k for k in range(n + 1) if flags[k]]


primes = sieve(1500000)
print(len(primes), primes[-1])

stack = []
total = 0
for i in range(1500000):
    stack.append(i)
    if i % 3 == 0:
        total += stack.pop()
print(len(stack), total)

data = [(i * 7919) % 10007 for i in range(400000)]
data.sort()
print(data[0], data[len(data) // 2], data[-1])
rev = sorted(data, reverse=True)
print(rev[:3])

m = [[i * j for j in range(200)] for i in range(200)]
tr = [[m[j][i] for j in range(200)] for i in range(200)]
print(sum(sum(row) for row in tr))

chunks = 0
for i in range(15000):
    lst = list(range(i % 50))
    lst = lst[::2] + lst[1::2]
    chunks += len(lst) + (lst[0] if lst else 0)
print(chunks)

# Mutual recursion, recursion through methods and lambdas, memoisation with a dict.
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print([is_even(i) for i in range(6)], is_odd(301))
memo = {}
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    if n not in memo:
        memo[n] = ways(n - 1) + ways(n - 2) + ways(n - 3)
    return memo[n]
print(ways(30), ways(100))
class Node:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt
    def total(self):
        return self.v + (self.nxt.total() if self.nxt else 0)
n = None
for i in range(200):
    n = Node(i, n)
print(n.total())
fact = lambda k: 1 if k < 2 else k * fact(k - 1)
print(fact(25))
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(10, "A", "B", "C", [])), hanoi(2, "A", "B", "C", []))

# N-queens by backtracking: recursion, list indexing and small-int arithmetic.


def solve(n):
    cols = [False] * n
    d1 = [False] * (2 * n)
    d2 = [False] * (2 * n)

    def place(r):
        if r == n:
            return 1
        count = 0
        for c in range(n):
            if not cols[c] and not d1[r + c] and not d2[r - c + n]:
                cols[c] = d1[r + c] = d2[r - c + n] = True
                count += place(r + 1)
                cols[c] = d1[r + c] = d2[r - c + n] = False
        return count

    return place(0)


for n in range(4, 12):
    print(n, solve(n))

# while/else and for/else with break/continue in nested loops.
i = 0
while i < 5:
    i += 1
    if i == 3:
        continue
    if i == 10:
        break
else:
    print("while else ran", i)
i = 0
while True:
    i += 1
    if i > 3:
        break
else:
    print("never")
print("after", i)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print("prime", n)
for x in []:
    print("no")
else:
    print("empty for else")
count = 0
while count < 3:
    count += 1
    try:
        if count == 2:
            continue
    finally:
        print("finally", count)
n = 0
while n < 3:
    n += 1
    for m in range(3):
        if m == n:
            break
    else:
        print("inner else at", n)

# Control flow: if/elif/else, while/else, for/else, break, continue.
for i in range(12):
    if i % 15 == 0:
        print("zero")
    elif i % 3 == 0:
        print("fizz", i)
    elif i % 5 == 0:
        print("buzz", i)
    else:
        continue
n = 0
while n < 10:
    n += 1
    if n == 7:
        break
else:
    print("no break")
print("n", n)
while n < 9:
    n += 1
else:
    print("while else", n)
for x in []:
    print("never")
else:
    print("for else")
for x in range(5):
    if x == 3:
        break
else:
    print("not here")
print(x)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == 1:
            continue
        print(i, j)

# Method calls on class instances: attribute reads and writes, inheritance and super().


class Counter:
    def __init__(self, start):
        self.value = start
        self.calls = 0

    def step(self, by):
        self.value += by
        self.calls += 1
        return self.value

    def get(self):
        return self.value


class Doubler(Counter):
    def step(self, by):
        return super().step(by * 2)


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


c = Counter(0)
d = Doubler(1)
for i in range(900000):
    c.step(i % 7)
    d.step(1)
print(c.get(), c.calls, d.get(), d.calls)

acc = Vec(0, 0)
unit = Vec(1, 2)
s = 0
for i in range(600000):
    acc = acc.add(unit)
    s += acc.dot(unit) % 1000
print(acc.x, acc.y, s)

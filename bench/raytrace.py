# A small ray tracer: spheres, one light, shading into an ASCII image; float math and method calls.

class V:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return V(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self.scale(1.0 / self.dot(self) ** 0.5)


class Sphere:
    def __init__(self, c, r, shade):
        self.c = c
        self.r = r
        self.shade = shade

    def hit(self, orig, d):
        oc = orig - self.c
        b = oc.dot(d)
        cc = oc.dot(oc) - self.r * self.r
        disc = b * b - cc
        if disc < 0:
            return -1.0
        t = -b - disc ** 0.5
        return t if t > 1e-6 else -1.0


scene = [Sphere(V(0.0, -0.2, 3.0), 1.0, 0.9), Sphere(V(1.3, 0.4, 4.0), 0.7, 0.6), Sphere(V(0.0, -101.0, 3.0), 100.0, 0.4)]
light = V(-1.0, 1.5, -0.5).norm()
chars = " .:-=+*#%@"


def trace(orig, d):
    best = 1e9
    hit = None
    for s in scene:
        t = s.hit(orig, d)
        if 0 < t < best:
            best = t
            hit = s
    if hit is None:
        return 0.0
    p = orig + d.scale(best)
    n = (p - hit.c).norm()
    lam = n.dot(light)
    if lam <= 0:
        return 0.05
    for s in scene:
        if s is not hit and s.hit(p, light) > 0:
            return 0.05
    return hit.shade * lam


W, H = 280, 140
eye = V(0.0, 0.0, 0.0)
total = 0.0
rows = []
for y in range(H):
    row = []
    for x in range(W):
        d = V((x - W / 2) / W * 1.6, (H / 2 - y) / H * 0.9, 1.0).norm()
        v = 0.0
        for k in range(4):
            v += trace(eye, d)
        v /= 4
        total += v
        row.append(chars[min(9, int(v * 10))])
    rows.append("".join(row))
for r in rows[::14]:
    print(r[::4])
print(round(total, 6))

# Loops over floats: a Mandelbrot escape count and a numeric integration, boxed float arithmetic throughout.


def mandel(w, h, limit):
    count = 0
    for py in range(h):
        ci = 2.0 * py / h - 1.0
        for px in range(w):
            cr = 3.0 * px / w - 2.0
            zr = 0.0
            zi = 0.0
            i = 0
            while i < limit and zr * zr + zi * zi < 4.0:
                t = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = t
                i += 1
            count += i
    return count


def integrate(n):
    h = 1.0 / n
    s = 0.0
    for k in range(n):
        x = (k + 0.5) * h
        s += 4.0 / (1.0 + x * x)
    return s * h


print(mandel(400, 220, 80))
print(round(integrate(2000000), 9))

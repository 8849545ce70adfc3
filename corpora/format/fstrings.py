# f-strings: specs, nested fields, conversions, the '=' specifier
x, w, p, name = 3.14159, 10, 3, 'Ada'
n = 255
print(f'{x}|{x:.2f}|{x:{w}.{p}f}|{x:<{w}}|{n:#x}|{n:=013x}|{n:+d}|{-n:+d}|{n:,}|{n:_b}')
print(f'{name!r}|{name!s:>6}|{name!a}|{"é"!a}|{name:*^9}|{name[1]}|{len(name)}')
print(f'{x=}|{n = }|{name=!s}|{x=:.1f}|{n*2=}|{name=:>6}')
print(f'{{literal}}|{"{}"}|{ {"k": 1}["k"] }|{[1, 2][-1]}|{3 if n else 4}')
d = {'a': 1}
print(f"{d['a']}|{'nested ' + f'{n:x}'}|{x:.{p}}")
for v in [0, -1, 10 ** 20, -(10 ** 20) - 7, True]:
    print(f'{v:=013x}|{v:+d}|{v:=+15,d}|{v:#=15_b}')
print(f'{x!r:>12}', f'{"ab":.1}', f'{1e16:.17}', f'{0.1:%}', f'{-0.0:z.1f}')

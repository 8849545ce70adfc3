# Nested replacement fields inside format specs
for w in range(0, 12, 3):
    for p in range(0, 5, 2):
        print('[{:{w}.{p}f}]'.format(3.14159, w=w, p=p), '[{0:{1}.{2}}]'.format('abcdef', w, p))
print('{:{}{}{}}'.format(42, '*', '^', 9), '{:{fill}{align}{width}}'.format('x', fill='-', align='>', width=4))
print('{0:{1}}'.format(255, 'x'), '{:{}}'.format(255, '#b'), '{!r:{}}|'.format('s', 6))
print('{:=0{}x}'.format(5, 13), '{:{}d}'.format(7, '+'), '{:{}}'.format('plain', ''))
for f in ['{:{:{}}}', '{:{}{}}']:
    try:
        print(f.format(1, 2, 3, 4))
    except (ValueError, IndexError) as e:
        print(f, type(e).__name__, e)

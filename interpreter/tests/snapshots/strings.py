name = 'world'
width = 10
print(f'hello {name}!')
print(f'{name!r:>{width}} {width=} {3.14159:.2f} {{literal}}')
print(f"{'nested' + name:^20}" f' and {width:#x}')
long_text = 'a string long enough that it is not interned as a qstr constant'
raw = r'\d+\s*'
multi = """line one
line two"""

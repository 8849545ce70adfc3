b = b'hello world'
print(b.hex(), b.hex(':'), b.hex('-', 2), bytes.fromhex('de ad be ef'), b.split(), b.split(b'o'), b.replace(b'l', b'L', 2))
print(b.find(b'o'), b.rfind(b'o'), b.count(b'l'), b.startswith(b'he'), b.endswith((b'x', b'ld')), b.upper(), b.title(), b.strip(b'hd'))
print(b'-'.join([b'a', b'b']), b[1], b[1:3], b[::-1], list(b[:3]), b'abc' * 2, b'a' in b'abc', 97 in b'abc')
print(bytes(3), bytes([65, 66]), bytes('hé', 'utf-8'), b'\xc3\xa9'.decode(), b'abc'.decode('ascii'), bytearray(b'xy').hex())
ba = bytearray(b'abc')
ba[0] = 65
ba.extend(b'de')
ba += b'f'
del ba[1]
ba.insert(0, 33)
print(ba, ba.pop(), ba.find(b'd'), ba.reverse(), ba, bytes(ba), len(ba))
try:
    b'abc'.decode('ascii', 'strict') + b'\xff'.decode('ascii')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
try:
    bytes([256])
except ValueError as e:
    print('ValueError', e)
print(int.from_bytes(b'\x01\x00', 'little'), (1024).to_bytes(4, 'big'), (-1).to_bytes(2, 'big', signed=True), b'%d-%s' % (5, b'x'))

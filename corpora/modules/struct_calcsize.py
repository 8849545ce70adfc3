# calcsize: standard sizes, counts, native alignment for the codes whose
# layout is the same on 32- and 64-bit Linux.
import struct

for fmt in ['<b', '<h', '<i', '<l', '<q', '<e', '<f', '<d', '<?', '<c', '<x', '<5s', '<5p',
            '<10i', '>2h3b', '!ihb', '=iq', '<', '', '0i', '<0s', '< i h']:
    print(repr(fmt), struct.calcsize(fmt))
for fmt in ['bi', '@bh', 'bhi', 'ib', 'hbi', 'cic', '3s i', 'bf', 'bbbbi', 'i0s', 'h0i']:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.calcsize(b'<ii'), struct.calcsize('12x'))
for fmt in ['<n', '<N', '>P', 'z', '<5', '3', 'i!']:
    try:
        struct.calcsize(fmt)
    except struct.error as e:
        print('struct.error', repr(fmt), e)
for fmt in [5, None]:
    try:
        struct.calcsize(fmt)
    except TypeError as e:
        print('TypeError', e)

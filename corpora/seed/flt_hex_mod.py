# The seed scenario's module: float.hex() rebuilt from the raw bytes of an
# array('d'), with shifts, masks and str.format (imported by flt_hex_exec.py).
from array import array


def flt_hex(x):
    b = bytes(array('d', [x]))[::-1]  # little-endian: most significant byte first
    n = sum(v << (8 * (7 - i)) for i, v in enumerate(b))
    sign = n >> 63
    exp = (n >> 52) & 0x7FF
    mant = n & ((1 << 52) - 1)
    s = '-' if sign else ''
    if exp == 0x7FF:
        return 'nan' if mant else s + 'inf'
    if exp == 0 and mant == 0:
        return '{s}0x0.0p+0'.format(s=s)
    if exp == 0:
        lead, e = 0, -1022
    else:
        lead, e = 1, exp - 1023
    m = '{:=013x}'.format(mant)
    return '{s}0x{lead}.{m}p{e:+d}'.format(s=s, lead=lead, m=m, e=e)

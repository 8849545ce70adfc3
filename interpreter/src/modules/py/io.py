# io: in-memory text and binary streams. A stream holds its whole contents
# (`_b`: a str for StringIO, bytes for BytesIO) and a position `_p`.
# Invariant: 0 <= _p; _p may pass the end (a later write pads with zeros).


class _IOBase:
    # CPython's StringIO says "closed file" without the full stop in its own
    # methods; the methods shared through IOBase always have it.
    _msg = 'I/O operation on closed file.'
    _hint_ge = True

    def _check(self, base=False):
        if self._closed:
            raise ValueError('I/O operation on closed file.' if base else self._msg)

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def flush(self):
        pass

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check(True)
        return False

    def __enter__(self):
        self._check(True)
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __iter__(self):
        self._check(True)
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def getvalue(self):
        self._check()
        return self._b

    def tell(self):
        self._check()
        return self._p

    def _write(self, s, zero):
        self._check()
        b = self._b
        p = self._p
        n = len(b)
        if p == n:
            self._b = b + s
        elif p > n:
            self._b = b + zero * (p - n) + s
        else:
            self._b = b[:p] + s + b[p + len(s):]
        self._p = p + len(s)
        return len(s)

    def read(self, size=-1):
        self._check()
        if size is None:
            size = -1
        b = self._b
        p = self._p
        if size < 0:
            end = len(b)
        else:
            end = p + size
        r = b[p:end]
        self._p = max(p, min(end, len(b)))
        return r

    def readline(self, size=-1):
        self._check()
        if size is None:
            size = -1
        b = self._b
        p = self._p
        i = self._find_nl(b, p)
        end = len(b) if i < 0 else i + 1
        if 0 <= size < end - p:
            end = p + size
        r = b[p:end]
        self._p = max(p, end)
        return r

    def readlines(self, hint=-1):
        self._check(True)
        if hint is None:
            hint = -1
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if hint > 0 and (total >= hint if self._hint_ge else total > hint):
                break
        return lines

    def writelines(self, lines):
        self._check(True)
        for line in lines:
            self.write(line)

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._p
        if size < 0:
            raise ValueError('Negative size value %d' % size)
        self._b = self._b[:size]
        return size


class StringIO(_IOBase):
    _msg = 'I/O operation on closed file'
    _hint_ge = False

    def _find_nl(self, b, p):
        return b.find('\n', p)

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s' % type(initial_value).__name__)
        self._b = initial_value
        self._p = 0
        self._closed = False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        return self._write(s, '\0')

    def seek(self, pos, whence=0):
        self._check()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._p = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            self._p = len(self._b)
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._p

    def __repr__(self):
        return '<_io.StringIO object>'


class BytesIO(_IOBase):
    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        self._b = bytes(initial_bytes)
        self._p = 0
        self._closed = False

    def write(self, s):
        if isinstance(s, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return self._write(bytes(s), b'\0')

    def seek(self, pos, whence=0):
        self._check()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
            self._p = pos
        elif whence == 1:
            self._p = max(0, self._p + pos)
        elif whence == 2:
            self._p = max(0, len(self._b) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._p

    def _find_nl(self, b, p):
        for i in range(p, len(b)):
            if b[i] == 10:
                return i
        return -1

    def read1(self, size=-1):
        return self.read(size)

    def __repr__(self):
        return '<_io.BytesIO object>'

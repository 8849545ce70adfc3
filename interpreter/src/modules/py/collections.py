# collections: deque and namedtuple (OrderedDict and defaultdict are Rust).
# A deque keeps its items in a list `_l`, oldest first; `_m` is maxlen or None.
# Invariant: len(_l) <= _m whenever _m is not None.


def _index(i, n):
    if not isinstance(i, int):
        raise TypeError("sequence index must be integer, not '%s'" % type(i).__name__)
    if i < 0:
        i += n
    if i < 0 or i >= n:
        raise IndexError('deque index out of range')
    return i


class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._l = []
        self._m = maxlen
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._m

    def append(self, x):
        l = self._l
        if self._m == 0:
            return
        if self._m is not None and len(l) >= self._m:
            l.pop(0)
        l.append(x)

    def appendleft(self, x):
        l = self._l
        if self._m == 0:
            return
        if self._m is not None and len(l) >= self._m:
            l.pop()
        l.insert(0, x)

    def pop(self):
        if not self._l:
            raise IndexError('pop from an empty deque')
        return self._l.pop()

    def popleft(self):
        if not self._l:
            raise IndexError('pop from an empty deque')
        return self._l.pop(0)

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def rotate(self, n=1):
        l = self._l
        k = len(l)
        if k:
            n %= k
            if n:
                l[:] = l[k - n:] + l[:k - n]

    def clear(self):
        self._l.clear()

    def copy(self):
        return deque(self._l, self._m)

    def count(self, x):
        return self._l.count(x)

    def remove(self, x):
        try:
            self._l.remove(x)
        except ValueError:
            raise ValueError('%r is not in deque' % (x,))

    def index(self, x, start=0, stop=None):
        l = self._l
        n = len(l)
        if stop is None:
            stop = n
        for i in range(n)[start:stop]:
            if l[i] is x or l[i] == x:
                return i
        raise ValueError('%r is not in deque' % (x,))

    def insert(self, i, x):
        if self._m is not None and len(self._l) >= self._m:
            raise IndexError('deque already at its maximum size')
        self._l.insert(i, x)

    def reverse(self):
        self._l.reverse()

    def __len__(self):
        return len(self._l)

    def __bool__(self):
        return len(self._l) > 0

    def __iter__(self):
        return iter(self._l)

    def __reversed__(self):
        return reversed(self._l)

    def __contains__(self, x):
        return x in self._l

    def __getitem__(self, i):
        return self._l[_index(i, len(self._l))]

    def __setitem__(self, i, x):
        self._l[_index(i, len(self._l))] = x

    def __delitem__(self, i):
        del self._l[_index(i, len(self._l))]

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._l == other._l

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._l != other._l

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._l < other._l

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._l <= other._l

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._l > other._l

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._l >= other._l

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        return deque(self._l + other._l, self._m)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return deque(self._l * n, self._m)

    def __repr__(self):
        if self._m is None:
            return 'deque(%r)' % (self._l,)
        return 'deque(%r, maxlen=%d)' % (self._l, self._m)

    def __hash__(self):
        raise TypeError("unhashable type: 'collections.deque'")


_KEYWORDS = ('False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
             'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
             'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
             'return', 'try', 'while', 'with', 'yield')


def _is_ident(s):
    if not s or not (s[0].isalpha() or s[0] == '_'):
        return False
    for c in s:
        if not (c.isalpha() or c.isdigit() or c == '_'):
            return False
    return True


class _NTBase:
    # A namedtuple instance keeps its values in the tuple `_t`.
    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return len(self._t)

    def __iter__(self):
        return iter(self._t)

    def __contains__(self, x):
        return x in self._t

    def __hash__(self):
        return hash(self._t)

    def __eq__(self, other):
        if isinstance(other, _NTBase):
            other = other._t
        return self._t == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        if isinstance(other, _NTBase):
            other = other._t
        return self._t < other

    def __le__(self, other):
        if isinstance(other, _NTBase):
            other = other._t
        return self._t <= other

    def __gt__(self, other):
        if isinstance(other, _NTBase):
            other = other._t
        return self._t > other

    def __ge__(self, other):
        if isinstance(other, _NTBase):
            other = other._t
        return self._t >= other

    def __add__(self, other):
        if isinstance(other, _NTBase):
            other = other._t
        return self._t + other

    def __radd__(self, other):
        return other + self._t

    def __mul__(self, n):
        return self._t * n

    def __repr__(self):
        parts = []
        for i in range(len(self._fields)):
            parts.append('%s=%r' % (self._fields[i], self._t[i]))
        return type(self).__name__ + '(' + ', '.join(parts) + ')'

    def count(self, x):
        return self._t.count(x)

    def index(self, x, *a):
        # tuple.index ignores start/stop at the time of writing; list's does not.
        try:
            return list(self._t).index(x, *a)
        except ValueError:
            raise ValueError('tuple.index(x): x not in tuple')

    def _asdict(self):
        return dict(zip(self._fields, self._t))

    def _replace(self, **kw):
        vals = []
        for i in range(len(self._fields)):
            f = self._fields[i]
            if f in kw:
                vals.append(kw.pop(f))
            else:
                vals.append(self._t[i])
        if kw:
            raise ValueError('Got unexpected field names: %r' % (list(kw),))
        return self._make(vals)

    @classmethod
    def _make(cls, iterable):
        t = tuple(iterable)
        if len(t) != len(cls._fields):
            raise TypeError('Expected %d arguments, got %d' % (len(cls._fields), len(t)))
        o = object.__new__(cls)
        o._t = t
        return o


def _readonly(self, value):
    raise AttributeError("can't set attribute")


def _getter(i):
    return property(lambda self: self._t[i], _readonly)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for i in range(len(field_names)):
            name = field_names[i]
            if (not _is_ident(name) or name in _KEYWORDS or name.startswith('_') or name in seen):
                field_names[i] = '_%d' % i
            seen.add(field_names[i])
    for name in [typename] + field_names:
        if not isinstance(name, str):
            raise TypeError('Type names and field names must be strings')
        if not _is_ident(name):
            raise ValueError('Type names and field names must be valid identifiers: %r' % (name,))
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a keyword: %r' % (name,))
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % (name,))
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % (name,))
        seen.add(name)
    fields = tuple(field_names)
    ndef = 0
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError('Got more default values than field names')
        ndef = len(defaults)
    params = []
    for i in range(len(fields)):
        if i >= len(fields) - ndef:
            params.append('%s=_d[%d]' % (fields[i], i - (len(fields) - ndef)))
        else:
            params.append(fields[i])
    src = 'class %s(_NTBase):\n' % typename
    src += '    def __new__(_cls, %s):\n' % ', '.join(params)
    # Fields never start with '_', so the generated names cannot clash.
    src += '        _o = _new(_cls)\n'
    src += '        _o._t = (%s)\n' % ''.join([f + ', ' for f in fields])
    src += '        return _o\n'
    # No frame introspection here: the class is taken to belong to the
    # main program unless `module` says otherwise.
    ns = {'_NTBase': _NTBase, '_d': defaults, '_new': object.__new__, '__name__': module or '__main__'}
    exec(src, ns)
    cls = ns[typename]
    cls._fields = fields
    fd = {}
    for i in range(ndef):
        fd[fields[len(fields) - ndef + i]] = defaults[i]
    cls._field_defaults = fd
    for i in range(len(fields)):
        setattr(cls, fields[i], _getter(i))
    return cls

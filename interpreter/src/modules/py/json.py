# json: dumps/loads/dump/load, JSONEncoder/JSONDecoder (for cls=), following CPython's json module: its output
# format (separators, indent, sort_keys, ensure_ascii), its float spelling
# (repr, NaN, Infinity) and its error types and messages (JSONDecodeError
# with line, column and char position).
# Invariant: dumps never yields partial output: it raises before returning.


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESC = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}


def _quote(s, ascii_only):
    out = ['"']
    start = 0
    n = len(s)
    i = 0
    while i < n:
        c = s[i]
        o = ord(c)
        if c in _ESC:
            e = _ESC[c]
        elif o < 0x20:
            e = '\\u%04x' % o
        elif o > 0x7e and ascii_only:
            if o > 0xffff:
                o -= 0x10000
                e = '\\u%04x\\u%04x' % (0xd800 | (o >> 10), 0xdc00 | (o & 0x3ff))
            else:
                e = '\\u%04x' % o
        else:
            i += 1
            continue
        out.append(s[start:i])
        out.append(e)
        i += 1
        start = i
    out.append(s[start:])
    out.append('"')
    return ''.join(out)


def _float(f, allow_nan):
    if f != f:
        r = 'NaN'
    elif f == float('inf'):
        r = 'Infinity'
    elif f == -float('inf'):
        r = '-Infinity'
    else:
        return repr(f)
    if not allow_nan:
        raise ValueError('Out of range float values are not JSON compliant')
    return r


class _Enc:
    def __init__(self, skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators, default, sort_keys):
        self.skipkeys = skipkeys
        self.ascii = ensure_ascii
        self.circ = check_circular
        self.allow_nan = allow_nan
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        if separators is None:
            separators = (', ', ': ') if indent is None else (',', ': ')
        self.item_sep, self.key_sep = separators
        self.default = default
        self.sort_keys = sort_keys
        self.active = []

    def enter(self, o):
        if self.circ:
            for x in self.active:
                if x is o:
                    raise ValueError('Circular reference detected')
            self.active.append(o)

    def leave(self):
        if self.circ:
            self.active.pop()

    def encode(self, o, out, level):
        if isinstance(o, str):
            out.append(_quote(o, self.ascii))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(repr(o))
        elif isinstance(o, float):
            out.append(_float(o, self.allow_nan))
        elif isinstance(o, (list, tuple)) or (hasattr(o, '_fields') and hasattr(o, '_asdict')):
            self.seq(o, out, level)
        elif isinstance(o, dict):
            self.obj(o, out, level)
        else:
            self.enter(o)
            if self.default is None:
                raise TypeError('Object of type %s is not JSON serializable' % type(o).__name__)
            self.encode(self.default(o), out, level)
            self.leave()

    def nl(self, out, level):
        if self.indent is not None:
            out.append('\n' + self.indent * level)

    def seq(self, o, out, level):
        if not o:
            out.append('[]')
            return
        self.enter(o)
        out.append('[')
        first = True
        for x in o:
            if not first:
                out.append(self.item_sep)
            first = False
            self.nl(out, level + 1)
            self.encode(x, out, level + 1)
        self.nl(out, level)
        out.append(']')
        self.leave()

    def key(self, k):
        if isinstance(k, str):
            return k
        if k is True:
            return 'true'
        if k is False:
            return 'false'
        if k is None:
            return 'null'
        if isinstance(k, int):
            return repr(k)
        if isinstance(k, float):
            return _float(k, self.allow_nan)
        if self.skipkeys:
            return None
        raise TypeError('keys must be str, int, float, bool or None, not %s' % type(k).__name__)

    def obj(self, o, out, level):
        if not o:
            out.append('{}')
            return
        self.enter(o)
        out.append('{')
        items = list(o.items())
        if self.sort_keys:
            items.sort(key=lambda kv: kv[0])
        first = True
        for k, v in items:
            k = self.key(k)
            if k is None:
                continue
            if not first:
                out.append(self.item_sep)
            first = False
            self.nl(out, level + 1)
            out.append(_quote(k, self.ascii))
            out.append(self.key_sep)
            self.encode(v, out, level + 1)
        self.nl(out, level)
        out.append('}')
        self.leave()


class JSONEncoder:
    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        self.separators = separators
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError('Object of type %s is not JSON serializable' % type(o).__name__)

    def encode(self, o):
        out = []
        _Enc(self.skipkeys, self.ensure_ascii, self.check_circular, self.allow_nan, self.indent,
             self.separators, self.default, self.sort_keys).encode(o, out, 0)
        return ''.join(out)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is not None:
        return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
                   allow_nan=allow_nan, indent=indent, separators=separators, default=default,
                   sort_keys=sort_keys, **kw).encode(obj)
    out = []
    _Enc(skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators, default, sort_keys).encode(obj, out, 0)
    return ''.join(out)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


_WS = ' \t\n\r'
_DIGITS = '0123456789'
_HEX = '0123456789abcdefABCDEF'
_SIMPLE = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}


class _Dec:
    def __init__(self, s, object_hook, parse_float, parse_int, parse_constant, object_pairs_hook):
        self.s = s
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant
        self.pairs_hook = object_pairs_hook

    def err(self, msg, pos):
        raise JSONDecodeError(msg, self.s, pos)

    def ws(self, i):
        s = self.s
        n = len(s)
        while i < n and s[i] in _WS:
            i += 1
        return i

    def value(self, i):
        s = self.s
        if i >= len(s):
            self.err('Expecting value', i)
        c = s[i]
        if c == '"':
            return self.string(i + 1)
        if c == '{':
            return self.obj(i + 1)
        if c == '[':
            return self.arr(i + 1)
        if c == 'n' and s[i:i + 4] == 'null':
            return None, i + 4
        if c == 't' and s[i:i + 4] == 'true':
            return True, i + 4
        if c == 'f' and s[i:i + 5] == 'false':
            return False, i + 5
        if c == 'N' and s[i:i + 3] == 'NaN':
            return self.const('NaN'), i + 3
        if c == 'I' and s[i:i + 8] == 'Infinity':
            return self.const('Infinity'), i + 8
        if c == '-' and s[i:i + 9] == '-Infinity':
            return self.const('-Infinity'), i + 9
        return self.number(i)

    def const(self, name):
        if self.parse_constant is not None:
            return self.parse_constant(name)
        return float(name.replace('Infinity', 'inf').replace('NaN', 'nan'))

    def number(self, i):
        s = self.s
        n = len(s)
        j = i
        if j < n and s[j] == '-':
            j += 1
        if j < n and s[j] == '0':
            j += 1
        elif j < n and s[j] in '123456789':
            while j < n and s[j] in _DIGITS:
                j += 1
        else:
            self.err('Expecting value', i)
        is_float = False
        if j + 1 < n and s[j] == '.' and s[j + 1] in _DIGITS:
            is_float = True
            j += 2
            while j < n and s[j] in _DIGITS:
                j += 1
        if j < n and s[j] in 'eE':
            k = j + 1
            if k < n and s[k] in '+-':
                k += 1
            if k < n and s[k] in _DIGITS:
                while k < n and s[k] in _DIGITS:
                    k += 1
                is_float = True
                j = k
        if is_float:
            return self.parse_float(s[i:j]), j
        return self.parse_int(s[i:j]), j

    def string(self, i):
        s = self.s
        n = len(s)
        begin = i - 1
        chunks = []
        start = i
        while True:
            if i >= n:
                self.err('Unterminated string starting at', begin)
            c = s[i]
            if c == '"':
                chunks.append(s[start:i])
                return ''.join(chunks), i + 1
            if c == '\\':
                chunks.append(s[start:i])
                if i + 1 >= n:
                    self.err('Unterminated string starting at', begin)
                e = s[i + 1]
                if e == 'u':
                    cp = self.hex4(i)
                    i += 6
                    if 0xd800 <= cp <= 0xdbff and s[i:i + 2] == '\\u':
                        lo = self.hex4(i)
                        if 0xdc00 <= lo <= 0xdfff:
                            cp = 0x10000 + (((cp - 0xd800) << 10) | (lo - 0xdc00))
                            i += 6
                    chunks.append(chr(cp))
                else:
                    if e not in _SIMPLE:
                        self.err('Invalid \\escape', i)
                    chunks.append(_SIMPLE[e])
                    i += 2
                start = i
                continue
            if ord(c) < 0x20:
                self.err('Invalid control character at', i)
            i += 1

    def hex4(self, i):
        h = self.s[i + 2:i + 6]
        if len(h) != 4 or any(c not in _HEX for c in h):
            self.err('Invalid \\uXXXX escape', i + 1)
        return int(h, 16)

    def obj(self, i):
        s = self.s
        pairs = []
        i = self.ws(i)
        if i < len(s) and s[i] == '}':
            i += 1
        else:
            while True:
                if i >= len(s) or s[i] != '"':
                    self.err('Expecting property name enclosed in double quotes', i)
                k, i = self.string(i + 1)
                i = self.ws(i)
                if i >= len(s) or s[i] != ':':
                    self.err("Expecting ':' delimiter", i)
                i = self.ws(i + 1)
                v, i = self.value(i)
                pairs.append((k, v))
                i = self.ws(i)
                if i < len(s) and s[i] == '}':
                    i += 1
                    break
                if i >= len(s) or s[i] != ',':
                    self.err("Expecting ',' delimiter", i)
                i = self.ws(i + 1)
        if self.pairs_hook is not None:
            return self.pairs_hook(pairs), i
        d = dict(pairs)
        if self.object_hook is not None:
            d = self.object_hook(d)
        return d, i

    def arr(self, i):
        s = self.s
        out = []
        i = self.ws(i)
        if i < len(s) and s[i] == ']':
            return out, i + 1
        while True:
            v, i = self.value(i)
            out.append(v)
            i = self.ws(i)
            if i < len(s) and s[i] == ']':
                return out, i + 1
            if i >= len(s) or s[i] != ',':
                self.err("Expecting ',' delimiter", i)
            i = self.ws(i + 1)


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def raw_decode(self, s, idx=0):
        d = _Dec(s, self.object_hook, self.parse_float, self.parse_int, self.parse_constant,
                 self.object_pairs_hook)
        return d.value(idx)

    def decode(self, s):
        d = _Dec(s, self.object_hook, self.parse_float, self.parse_int, self.parse_constant,
                 self.object_pairs_hook)
        v, i = d.value(d.ws(0))
        i = d.ws(i)
        if i != len(s):
            d.err('Extra data', i)
        return v


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    if isinstance(s, (bytes, bytearray)):
        s = s.decode('utf-8')
    elif not isinstance(s, str):
        raise TypeError('the JSON object must be str, bytes or bytearray, not %s' % type(s).__name__)
    if s.startswith('\ufeff'):
        raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw).decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)

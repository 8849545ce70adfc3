# json.loads hooks (object_hook, object_pairs_hook, parse_float, parse_int, parse_constant) and dump/load with file objects.
import io
import json
from collections import OrderedDict

print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, Infinity]', parse_constant=lambda c: c.lower()))
buf = io.StringIO()
json.dump({'k': [1, 2], 'z': None}, buf, sort_keys=True, indent=1)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))
print(json.load(io.StringIO('[true]')), json.load(io.BytesIO(b'{"b": 1}')))
od = OrderedDict([('z', 1), ('a', 2)])
print(json.dumps(od), json.dumps(od, sort_keys=True))

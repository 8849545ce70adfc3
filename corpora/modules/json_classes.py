# json.JSONEncoder/JSONDecoder: subclassing default(), encode(), cls= in dumps/loads, decode() and raw_decode().
import json

class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)

print(json.dumps({'s': {3, 1, 2}}, cls=SetEncoder))
print(SetEncoder(indent=1).encode([1, {2}]))
print(json.JSONEncoder().encode({'a': None}), json.JSONEncoder(sort_keys=True, separators=(',', ':')).encode({'b': 1, 'a': 2}))
try:
    json.dumps(object(), cls=SetEncoder)
except TypeError as e:
    print(type(e).__name__, e)
print(json.JSONDecoder().decode('[1, 2]'))
d = json.JSONDecoder(object_hook=lambda d: len(d))
print(d.decode('{"a": 1, "b": 2}'), d.raw_decode('[{}] tail'), json.JSONDecoder().raw_decode('"ab"cd', 0))
print(json.loads('[1.5]', cls=json.JSONDecoder))
class Upper(json.JSONDecoder):
    def decode(self, s):
        return super().decode(s.upper())
print(json.loads('["abc", true]'.replace('true', '1'), cls=Upper))
try:
    json.JSONDecoder().decode('[1] x')
except json.JSONDecodeError as e:
    print(e)

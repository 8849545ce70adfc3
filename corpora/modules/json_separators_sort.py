# json.dumps separators, sort_keys, ensure_ascii, nested indentation; loads of nested structures.
import json
data = {"b": [1, 2, {"z": None, "a": True}], "a": "é", "c": 1.5}
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, separators=(",", ":"), sort_keys=True))
print(json.dumps(data, ensure_ascii=False, sort_keys=True))
print(json.dumps(data, indent=1, sort_keys=True))
print(json.dumps([1, [2, [3, []]], {}], indent="\t"))
print(json.loads('{"a": [1, 2.5, "x", null, true, false, {"b": {}}]}'))
print(json.loads("[]"), json.loads(" 1 "), json.loads('"\\u00e9\\n"'), json.loads("-0"), json.loads("1E2"))
print(json.dumps("\u2028\x00\"\\/"), json.dumps(float("inf")), json.dumps(-0.0), json.dumps(10 ** 20))

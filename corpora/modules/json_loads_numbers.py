# json.loads number forms and invalid documents with their error messages.
import json
for doc in ["0", "-1", "1.0", "1e-3", "-1.5E+2", "123456789012345678901234567890", "[1, 2.5e0, -0.0]", "true", "null", '"x"']:
    v = json.loads(doc)
    print(doc, repr(v), type(v).__name__)
for doc in ["", "01", "1.", ".5", "+1", "[1,]", "{'a': 1}", "[1 2]", "tru", '"abc', "{\"a\" 1}", "NaN x"]:
    try:
        json.loads(doc)
        print("accepted", doc)
    except ValueError as e:
        print(type(e).__name__, repr(doc))

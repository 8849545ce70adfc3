# collections together: defaultdict of deques, OrderedDict of namedtuples, json of dict flavours.
import json
from collections import OrderedDict, defaultdict, deque, namedtuple

Event = namedtuple('Event', 't kind value')
events = [Event(i, 'ab'[i % 2], i * i) for i in range(12)]
recent = defaultdict(lambda: deque(maxlen=3))
for e in events:
    recent[e.kind].append(e.value)
print(sorted((k, list(v)) for k, v in recent.items()))
by_time = OrderedDict((e.t, e) for e in events[:4])
by_time.move_to_end(0)
print(list(by_time), by_time[0], by_time.popitem(last=False))
counts = defaultdict(int)
for e in events:
    counts[e.kind] += e.value
print(json.dumps(counts, sort_keys=True), json.dumps(OrderedDict([('z', 1), ('a', [1, 2])])))
print(json.dumps([events[0]]), json.dumps({'e': events[1]}))
lru = OrderedDict()
for key in [1, 2, 3, 1, 4, 2, 5]:
    if key in lru:
        lru.move_to_end(key)
    lru[key] = key * 10
    if len(lru) > 3:
        lru.popitem(last=False)
print(lru)

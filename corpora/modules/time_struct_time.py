# time.struct_time: repr, fields by name and index, slicing, unpacking,
# equality with tuples, and acceptance by strftime and mktime.
import time

t = time.gmtime(0)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(t[0], t[-1], t[1:3], len(t), tuple(t), list(t)[:3])
print(t == (1970, 1, 1, 0, 0, 0, 3, 1, 0), t != tuple(t), t == time.gmtime(0), t == time.gmtime(1))
print(t.tm_zone, t.tm_gmtoff, type(t).__name__, isinstance(t, time.struct_time))
y, m, d, *rest = time.gmtime(1234567890)
print(y, m, d, rest)
print(time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(951782400)))
lt = time.localtime(100000)
print(type(lt).__name__, len(lt), lt.tm_year, time.mktime(lt) == 100000.0)
print(time.gmtime(2**31))
try:
    t[9]
except IndexError as e:
    print('IndexError', e)
try:
    t.tm_nothing
except AttributeError:
    print('AttributeError')

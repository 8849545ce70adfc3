# time.gmtime for fixed timestamps: all fields, indexing and tuple conversion.
import time
for ts in [0, 86399, 86400, 951782400, 1700000000, 2 ** 31]:
    t = time.gmtime(ts)
    print(ts, tuple(t), t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t[0], t[-3])
print(time.mktime(time.localtime(0)) is not None)

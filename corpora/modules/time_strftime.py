# strftime's C-locale directives on fixed time tuples.
import time

t = tuple(time.gmtime(1234567890))
print(time.strftime('%Y-%m-%d %H:%M:%S', t))
print(time.strftime('%a %A %b %B %h %j %p %I %y %w %u %%', t))
print(time.strftime('%c|%x|%X|%D|%F|%T|%R|%e', (2024, 2, 29, 13, 5, 9, 3, 60, 0)))
print(time.strftime('%H:%M %p', (2000, 1, 1, 0, 30, 0, 5, 1, 0)), time.strftime('%I %p', (2000, 1, 1, 12, 0, 0, 5, 1, 0)))
print(time.strftime('plain text', t), time.strftime('', t), time.strftime('%n%t', t) == '\n\t')
print(time.strftime('%Y', (1, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime('%j', (2023, 12, 31, 0, 0, 0, 6, 365, 0)))
print(time.strftime('%A %B', (2023, 12, 31, 0, 0, 0, 6, 365, 0)), time.strftime('%d.%m.', (2023, 7, 4, 0, 0, 0, 1, 185, 0)))
for bad in [(5,), ('%Y', 5), ('%Y', (1, 2, 3))]:
    try:
        time.strftime(*bad)
    except TypeError as e:
        print('TypeError', e)
try:
    time.strftime('%Y', (2000, 13, 1, 0, 0, 0, 0, 1, 0))
except ValueError as e:
    print('ValueError', e)
print(time.asctime(time.gmtime(0)), time.asctime((2024, 2, 29, 13, 5, 9, 3, 60, 0)))
print(time.asctime((1999, 12, 31, 23, 59, 59, 4, 365, 0)), len(time.ctime(0)), type(time.asctime()).__name__)

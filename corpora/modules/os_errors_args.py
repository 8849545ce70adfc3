import os
for f in [lambda: os.remove('nope.txt'), lambda: os.rename('nope1', 'nope2'), lambda: os.listdir('nope_dir'), lambda: open('nope.txt'), lambda: os.mkdir('.')]:
    try:
        f()
    except OSError as e:
        print(type(e).__name__, e, e.args, e.errno, e.strerror, e.filename, getattr(e, 'filename2', None))

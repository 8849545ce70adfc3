s = ' a  b c   d '
print(s.split(None, 1), s.rsplit(None, 1), s.split(None, 0), s.rsplit(None, 0), s.split(maxsplit=2), '   '.split(None, 1), 'x'.rsplit(None, 5), s.split())

s = 'abracadabra'
print(s.find('', 20), s.count('', 20), s.find('', 11), s.count('', 11), s.rfind('', 20), s.find('a', -3), s.count('a', 3, 8), s.index('', 5))

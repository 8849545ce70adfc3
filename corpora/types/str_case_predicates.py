# str case conversion and the is* predicate family over a fixed set of strings.
words = ["", "abc", "ABC", "Abc Def", "abc def", "a1", "123", "1.5", " ", "\t\n", "Hello World", "hELLO", "İ", "x_y", "ab12CD"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
    print(" ", w.isalpha(), w.isalnum(), w.isdigit(), w.isdecimal(), w.isnumeric(), w.isspace(), w.isupper(), w.islower(), w.istitle(), w.isidentifier(), w.isprintable(), w.isascii())
print("they're bill's".title(), "hello\tworld".expandtabs(), "a\tbc\td".expandtabs(4), "x\ty".expandtabs(0))

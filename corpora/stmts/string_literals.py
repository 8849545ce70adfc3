# String literal forms: escapes, raw strings, implicit concatenation, triple quotes, bytes literals.
print("a\tb\\n", r"a\tb\n", "\x41\u00e9\U0001F600", "\101\0end", 'it\'s', "q\"q")
print("con" "cat" 'ena' """tion""", len("""line1
line2"""), b"\x00\xff" b"ab", rb"\n", br"\t")
print(repr("\a\b\f\v\r"), "\
continued")
for src in ['"\\x4"', '"\\N{NOPE}"', 'b"é"', '"abc', "'''x"]:
    try:
        eval(src)
        print("ok", src)
    except SyntaxError:
        print("SyntaxError", src)

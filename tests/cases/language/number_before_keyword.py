# A number literal run into a keyword (`1if x else y`) compiles with the
# tokenizer's SyntaxWarning naming the literal's kind; under an "error"
# filter it is a SyntaxError; a number run into another name is an error.
import warnings

cases = ["1if x else y", "x if 1else y", "[0x1for x in ()]", "0o7in x", "0b1not in x",
         "1jor x", "1.and x", "1e3is x", "1 if x else y", "0xfand x", "1spam", "1_"]
for src in cases:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            compile(src, "<case>", "eval")
            print(repr(src), "compiles", [(x.category.__name__, str(x.message), x.lineno) for x in w])
        except SyntaxError as e:
            print(repr(src), "SyntaxError:", e.msg, [str(x.message) for x in w])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "<case>", "eval")
        except SyntaxError as e:
            print("   as error:", e.msg, e.lineno)

for src in ["0b12", "0b1_2", "0b2", "0b1_", "0b", "0o18", "0o1_8", "0o8", "0o1_", "0x1_", "1_", "012"]:
    try:
        compile(src, "<case>", "eval")
    except SyntaxError as e:
        print(repr(src), e.msg, e.offset)

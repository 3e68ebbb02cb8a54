# Issue 10 (more of the same kind as finding 3): padding, zero-filling and
# tab expansion with a width the machine cannot hold raise MemoryError /
# OverflowError at once, as in CPython, instead of aborting or filling
# memory for minutes; ordinary widths still pad.
calls = [
    "'x'.ljust(10**13)", "'x'.rjust(2**62)", "'x'.center(2**62)", "'x'.zfill(2**62)",
    "'x'.center(2**63)", "'x'.ljust(-5)", "'x'.center(2**62, 'é')",
    "b'x'.ljust(10**13)", "b'x'.rjust(2**62)", "b'x'.center(2**62)", "b'x'.zfill(2**62)",
    "b'x'.center(2**63)", "bytearray(b'x').center(2**62)", "bytearray(b'x').zfill(2**40)",
    "'a\\tb'.expandtabs(2**40)", "'\\t' * 5000000 and ('\\t' * 5000).expandtabs(2**31 - 1)",
    "b'a\\tb'.expandtabs(2**40)", "bytearray(b'\\t' * 5000).expandtabs(2**31 - 1)",
    "'x'.ljust('5')", "'x'.ljust(5.0)",
    "bytes(2**62)", "bytearray(2**62)", "bytes(-1)",
]
for c in calls:
    try:
        r = eval(c)
        print(c, "->", len(r))
    except (MemoryError, OverflowError, TypeError, ValueError) as e:
        print(c, "->", type(e).__name__, e)
print(repr("ab".center(7, "*")), repr("ab".ljust(5)), repr("-7".zfill(5)), repr("a\tbc\td".expandtabs(4)))
print(repr(b"ab".center(7, b"*")), repr(b"-7".zfill(5)), repr(b"a\tbc\td".expandtabs(4)), bytes(5))
print(len("ab" * 1000003), ("xyz" * 100001)[-4:], len(b"q" * 3333333), (b"12" * 7)[-3:], [1, 2] * 3)

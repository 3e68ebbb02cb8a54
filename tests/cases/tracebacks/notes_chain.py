# notes under the message, with cause and context chains
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        e.add_note(f"while parsing {s!r}")
        raise
try:
    parse("x")
except ValueError as e:
    err = RuntimeError("config broken")
    err.add_note("check the file")
    raise err from e

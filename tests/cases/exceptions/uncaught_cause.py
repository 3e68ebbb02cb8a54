def parse(text):
    try:
        int(text)
    except ValueError as e:
        raise RuntimeError("could not parse") from e
print("start")
parse("abc")

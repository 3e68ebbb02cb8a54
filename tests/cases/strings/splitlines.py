text = "line one\nline two\r\nline three\rlast"
print(text.splitlines())
print(text.splitlines(keepends=True))
print("".splitlines(), "\n".splitlines(), "a\n\nb\n".splitlines(), "a\n\nb\n".split("\n"))

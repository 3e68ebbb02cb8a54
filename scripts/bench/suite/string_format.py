"""String formatting: %-formatting, str.format, f-strings with specs, join and split."""


def run(n):
    total = 0
    out = []
    for i in range(n):
        x = i * 1.5
        a = "%d:%s:%5.2f:%x" % (i, "ab", x, i)
        b = "{0}-{1!r}-{2:>8.3f}-{name}".format(i, "s", x, name="nm")
        c = f"{i:05d}|{x:.1e}|{'y' * (i % 4)}|{i:,}"
        d = "-".join([a, b, c])
        out.append(d.upper())
        total += len(d) + len(d.split("-"))
    return total, len("".join(out))


print("string_format", run(70000))

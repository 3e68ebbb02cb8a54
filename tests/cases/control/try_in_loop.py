values = ["1", "two", "3", None, "5"]
total = 0
for v in values:
    try:
        total += int(v)
    except ValueError:
        print("skip bad", repr(v))
        continue
    except TypeError as e:
        print("skip", type(e).__name__)
        continue
    finally:
        print("checked", repr(v))
    print("running total", total)
print("total", total)

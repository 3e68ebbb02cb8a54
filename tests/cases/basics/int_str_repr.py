for n in (0, -1, 7, -123456, 10 ** 25, -(10 ** 25)):
    print(str(n), repr(n), len(str(n)), f"[{n}]")
print(str(2 ** 64).zfill(25), "%d" % (2 ** 70), "{}".format(-(2 ** 65)))

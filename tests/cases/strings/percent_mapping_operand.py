# `fmt % x` where x is not a tuple but is subscriptable (a list, bytes, a
# range, a bytearray): it counts as a mapping, so unused arguments are fine
# and %(key)s looks the key up in it.
for src in ["'' % [1]", "b'' % [1]", "'' % {}", "b'' % {}", "'x' % b'ab'", "b'x' % b'ab'", "b'x' % 'ab'",
            "'%s' % [1]", "b'%s' % [1]", "b'' % bytearray(b'a')", "'' % range(3)", "b'' % range(3)",
            "b'%(a)s' % [1]", "'%(a)s' % [1]", "'' % 5", "b'' % memoryview(b'a')", "'' % 'a'", "b'' % (1,)",
            "'%(0)s' % {'0': 'z'}", "'x' % set()"]:
    try:
        print(src, repr(eval(src)))
    except Exception as e:
        print(src, type(e).__name__, e)


class M:
    def __getitem__(self, k):
        return k * 2


print("%(ab)s" % M(), "" % M())

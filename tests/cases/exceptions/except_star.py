import sys
def run(f):
    try:
        f()
        print("no exception")
    except BaseException as e:
        print("escaped:", type(e).__name__, repr(e))
def a():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("VE", repr(e), repr(sys.exc_info()[1]), e is sys.exception())
    except* TypeError as e:
        print("TE", repr(e))
run(a)
def b():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        print("VE")
run(b)
def c():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("caught naked", repr(e))
run(c)
def d():
    try:
        raise ValueError("naked")
    except* TypeError as e:
        print("no")
run(d)
def e_():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise
run(e_)
def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e
run(f)
def g():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
run(g)
def h():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise KeyError("new")
run(h)
def i():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise
run(i)
def j():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
run(j)
def k():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* (ValueError, ExceptionGroup):
        pass
run(k)
def l():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* (ValueError, TypeError) as e:
        print("both", repr(e))
    else:
        print("else")
    finally:
        print("finally")
run(l)
def m():
    try:
        print("body")
    except* ValueError:
        print("no")
    else:
        print("else")
    finally:
        print("finally")
run(m)
def n():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise TypeError("a")
    except* TypeError:
        raise TypeError("b")
run(n)
def o():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("sub", [ValueError(2), OSError(3)])])
    except* ValueError as e:
        print(repr(e))
    except* OSError as e:
        print(repr(e))
run(o)
def p():
    try:
        raise KeyboardInterrupt
    except* Exception:
        print("no")
run(p)
def q():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError as e:
            print("inner", repr(e))
    except* TypeError as e:
        print("outer", repr(e))
run(q)
def r():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        pass
    print(e)
run(r)
def s():
    for x in range(3):
        try:
            raise ExceptionGroup("eg", [ValueError(x)])
        except* ValueError as e:
            print(x, e.exceptions)
    return "done"
print(s())
def t():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e.exceptions[0]
run(t)
def u():
    eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    eg.add_note("n")
    try:
        raise eg
    except* ValueError:
        raise
run(u)
def v():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        try:
            raise TypeError("x")
        except TypeError:
            pass
        print(repr(sys.exc_info()[1]))
run(v)

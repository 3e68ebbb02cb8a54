# except* with else/finally, loops around it, nested try, generators,
# exceptions raised while matching, and sys.exc_info in the handlers
import sys

def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError("in gen"), KeyError("k")])
    except* ValueError as e:
        yield repr(e)
    except* KeyError as e:
        yield repr(e)

print(list(gen()))

def loop():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ExceptionGroup("odd", [ValueError(i)])
            out.append(i)
        except* ValueError as e:
            out.append(("caught", e.exceptions[0].args[0]))
        else:
            out.append("else")
        finally:
            out.append("fin")
    return out

print(loop())

def bad_type():
    try:
        raise ExceptionGroup("g", [ValueError()])
    except* 42:
        pass

try:
    bad_type()
except TypeError as e:
    print("TypeError:", e)

def pred_not_allowed():
    try:
        raise ValueError()
    except* (lambda e: True):
        pass

try:
    pred_not_allowed()
except TypeError as e:
    print("TypeError:", e)

def nested():
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1), TypeError(2), OSError(3)])
        except* ValueError:
            print("inner exc_info:", repr(sys.exc_info()[1]))
            raise
        except* TypeError as t:
            raise RuntimeError("replaced") from t
    except* RuntimeError as r:
        inner = r.exceptions[0]
        print("outer RuntimeError:", repr(inner), "cause:", repr(inner.__cause__))
    except* ValueError as v:
        print("outer ValueError:", repr(v))
    except* OSError as o:
        print("outer OSError:", repr(o))
    print("after:", sys.exc_info())

nested()

class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message.upper(), excs)

try:
    raise MyGroup("mine", [ValueError(1), TypeError(2)])
except* ValueError as e:
    print(type(e).__name__, repr(e))
except* TypeError as e:
    print(type(e).__name__, repr(e))

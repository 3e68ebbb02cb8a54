# a pdb-style stepper: stops at every line of the functions it is asked
# to debug, shows the locals, the call stack (f_back) and return values
import sys

def where(frame):
    names = []
    while frame is not None:
        names.append(f"{frame.f_code.co_name}:{frame.f_lineno}")
        frame = frame.f_back
    return " <- ".join(names[:-1])

class Stepper:
    def __init__(self, watch):
        self.watch = watch
        self.log = []

    def trace_dispatch(self, frame, event, arg):
        if frame.f_code.co_name not in self.watch:
            return None
        return self.local

    def local(self, frame, event, arg):
        if event == "line":
            shown = {k: v for k, v in sorted(frame.f_locals.items()) if not k.startswith("__")}
            self.log.append(f"line {frame.f_lineno} {frame.f_code.co_name} {shown}")
        elif event == "return":
            self.log.append(f"return {frame.f_code.co_name} -> {arg!r} [{where(frame)}]")
        elif event == "exception":
            self.log.append(f"exception {arg[0].__name__}: {arg[1]} at {frame.f_lineno}")
        elif event == "call":
            self.log.append("never: call goes to the global function")
        return self.local

def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

def risky(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        return None

def main():
    g = gcd(12, 18)
    r = [risky(n) for n in (2, 0)]
    return g, r

s = Stepper({"gcd", "risky"})
sys.settrace(s.trace_dispatch)
out = main()
sys.settrace(None)
print(out)
print("\n".join(s.log))

# f_trace set by hand on the current frame, f_trace_lines turned off
lines = []
def local(frame, event, arg):
    lines.append((event, frame.f_lineno))
    return local
def glob(frame, event, arg):
    return None
sys.settrace(glob)
sys._getframe().f_trace = local
a = 1
b = 2
sys._getframe().f_trace_lines = False
c = 3
sys._getframe().f_trace_lines = True
d = 4
sys.settrace(None)
print(lines)
print(sys.gettrace())

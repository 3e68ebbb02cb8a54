import sys
events = []
def prof(frame, event, arg):
    name = getattr(arg, '__name__', None) if event.startswith('c_') else arg
    events.append((event, frame.f_code.co_name, name))
def work(xs):
    out = []
    for x in xs:
        out.append(len(str(x)))
    try:
        int("zz")
    except ValueError:
        pass
    return sorted(out, key=lambda v: -v)
sys.setprofile(prof)
work([1, 22, 333])
sys.setprofile(None)
for e in events:
    print(*e)

import sys
def tracer(frame, event, arg):
    print("G", event, frame.f_code.co_name, frame.f_lineno, arg if event != 'exception' else arg[0].__name__)
    return local
def local(frame, event, arg):
    print("L", event, frame.f_code.co_name, frame.f_lineno, arg if event != 'exception' else arg[0].__name__)
    return local
def f(x):
    y = x + 1
    for i in range(2):
        y += i
    return y
def g():
    try:
        h()
    except ValueError:
        pass
    return 5
def h():
    raise ValueError("v")
def gen():
    yield 1
    yield 2
sys.settrace(tracer)
f(1)
g()
list(gen())
sys.settrace(None)
print(sys.gettrace())
def prof(frame, event, arg):
    print("P", event, frame.f_code.co_name, arg)
sys.setprofile(prof)
f(2)
sys.setprofile(None)

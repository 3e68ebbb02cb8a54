def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"
print(connect("a"))
print(connect("b", port=443, secure=True))
try:
    connect("c", 8080)
except TypeError as e:
    print("TypeError:", e)
def need(*, key):
    return key
print(need(key="k"))
try:
    need()
except TypeError as e:
    print("TypeError:", e)
def mixed(a, *args, sep="-", **kw):
    return sep.join(map(str, (a,) + args)) + str(sorted(kw))
print(mixed(1, 2, 3, sep="+", z=1, y=2))

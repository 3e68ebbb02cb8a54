import builtins
_saved_len = builtins.len

X = 1
def gx():
    return X
r = []
for i in range(3):
    r.append(gx())
    X = X + 10
print(r)
del X
try:
    gx()
except NameError as e:
    print("NameError", e)
X = 5
print(gx())

def uselen(s):
    return len(s)
print(uselen("abc"))
len = lambda s: 42
print(uselen("abc"))
del len
print(uselen("abcd"))
builtins.len = lambda s: -1
print(uselen("abcd"))
del builtins.len
try:
    uselen("x")
except NameError as e:
    print("NameError", e)


# A global written in a loop, read by another site in the same loop.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
print([bump() + counter for _ in range(4)])

# exec() of one code object with two globals dicts.
code = compile("def f():\n    return VALUE\n", "<s>", "exec")
g1, g2 = {"VALUE": "one"}, {"VALUE": "two", "extra": 1}
exec(code, g1)
exec(code, g2)
print(g1["f"](), g2["f"](), g1["f"](), g2["f"]())
g1["VALUE"] = "uno"
del g2["extra"]
print(g1["f"](), g2["f"]())
del g2["VALUE"]
try:
    g2["f"]()
except NameError as e:
    print("NameError", e)

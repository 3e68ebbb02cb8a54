calls = []
def val(name, v):
    calls.append(name)
    return v
print(val("a", 1) < val("b", 2) < val("c", 3))
print(calls)
calls.clear()
print(val("a", 1) < val("b", 0) < val("c", 3))
print(calls)
calls.clear()
print(val("a", 1) == val("b", 1) != val("c", 2) > val("d", 0))
print(calls)

class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return False
with Resource("a") as value:
    print("inside with", value)
try:
    with Resource("b"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)
def f():
    with Resource("c") as v:
        return v + "!"
print(f())
for i in range(2):
    with Resource(f"loop{i}"):
        if i == 0:
            continue
        break
with Resource("no-as"):
    pass

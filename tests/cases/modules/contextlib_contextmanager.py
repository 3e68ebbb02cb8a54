from contextlib import contextmanager
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("div") as t:
    print("inside", t)
    with tag("span"):
        print("nested")
try:
    with tag("err"):
        raise ValueError("inside managed block")
except ValueError as e:
    print("propagated:", e)
@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", e)
with swallow():
    {}["missing"]
print("continues")
@contextmanager
def resource():
    print("acquire")
    yield {"conn": 1}
    print("release (skipped on error)")
with resource() as r:
    print(r)

# What `await` accepts: an object whose __await__ returns an iterator;
# CPython's TypeErrors for a missing __await__, a non-iterator and a
# coroutine returned by __await__.


class Good:
    def __await__(self):
        yield "step"
        return "done"


class NotIter:
    def __await__(self):
        return 42


async def coro():
    return 1


made = []


class ReturnsCoro:
    def __await__(self):
        c = coro()
        made.append(c)
        return c


async def use(x):
    return await x


def run(aw):
    c = use(aw)
    try:
        while True:
            print("yielded", c.send(None))
    except StopIteration as e:
        print("result", e.value)
    except TypeError as e:
        print("TypeError:", e)


run(Good())
run(NotIter())
run(ReturnsCoro())
run(3)
for c in made:
    c.close()

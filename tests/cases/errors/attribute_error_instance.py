class Foo:
    def __init__(self):
        self.count = 1
foo = Foo()
print(foo.count)
print(foo.bar)

class Greeter:
    greeting = "Hello"
    def greet(self, name):
        return f"{self.greeting}, {name}"
g = Greeter()
bound = g.greet
print(bound("bound"), Greeter.greet(g, "unbound"))
g.greeting = "Hi"
print(bound("later"))
funcs = [g.greet, Greeter().greet]
print([f("x") for f in funcs])
def standalone(self):
    return "attached " + self.greeting
Greeter.extra = standalone
print(g.extra())
g.instance_fn = lambda: "instance function, no self"
print(g.instance_fn())
print(bound.__self__ is g, bound.__func__ is Greeter.greet)

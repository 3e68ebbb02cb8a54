def greet(name):
    print("hi", name)
greet(nam="x")

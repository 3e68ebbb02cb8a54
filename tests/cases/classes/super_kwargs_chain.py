class Base:
    def __init__(self, **kw):
        print("Base init, leftover:", kw)
class Left(Base):
    def __init__(self, left=None, **kw):
        print("Left init", left)
        super().__init__(**kw)
class Right(Base):
    def __init__(self, right=None, **kw):
        print("Right init", right)
        super().__init__(**kw)
class Both(Left, Right):
    def __init__(self, **kw):
        print("Both init")
        super().__init__(**kw)
Both(left=1, right=2, extra=3)
class Parent:
    @classmethod
    def create(cls):
        return f"created {cls.__name__}"
class Child(Parent):
    @classmethod
    def create(cls):
        return "child/" + super().create()
print(Child.create())

class Dog:
    species = "canis"
    def __init__(self, name, age):
        self.name = name
        self.age = age
    def bark(self):
        return f"{self.name} says woof"
    def birthday(self):
        self.age += 1
        return self
d = Dog("Rex", 3)
print(d.name, d.age, d.species, Dog.species)
print(d.bark(), d.birthday().age)
d.color = "brown"
print(d.color, sorted(vars(d)), d.__dict__)
print(type(d).__name__, d.__class__.__name__, Dog.__name__, isinstance(d, Dog))
m = d.bark
print(m(), Dog.bark(d))

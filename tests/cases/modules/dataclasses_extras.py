from dataclasses import dataclass, field, asdict, fields, replace
@dataclass
class Employee:
    name: str
    salary: float = 1000.0
    tags: list = field(default_factory=lambda: ["new"])
    def raise_salary(self, pct):
        self.salary *= 1 + pct / 100
e = Employee("Kim")
e.raise_salary(10)
print(e)
print(asdict(e), [f.name for f in fields(e)], replace(e, name="Lee"))
@dataclass
class Post:
    id: int
    def __post_init__(self):
        self.slug = f"post-{self.id}"
print(Post(3), Post(3).slug)

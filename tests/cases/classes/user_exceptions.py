class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field
class NotFound(AppError):
    def __str__(self):
        return "custom str: " + ", ".join(map(str, self.args))
for exc in [ValidationError("age", "must be positive"), NotFound("user", 42), AppError()]:
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, "|", e, "|", e.args, "|", repr(e))
try:
    raise ValidationError("name", "empty")
except ValidationError as e:
    print(e.field, isinstance(e, AppError), isinstance(e, Exception))
print(issubclass(NotFound, Exception), [k.__name__ for k in NotFound.__mro__])

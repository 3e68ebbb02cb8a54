class Timer:
    def __init__(self, label):
        self.label = label
        self.events = []
    def __enter__(self):
        self.events.append("start")
        return self
    def __exit__(self, exc_type, exc, tb):
        self.events.append("stop" if exc_type is None else f"stop after {exc_type.__name__}")
        return exc_type is KeyError
    def __call__(self, msg):
        self.events.append(msg)
with Timer("t") as t:
    t("work")
print(t.events)
with Timer("k") as k:
    raise KeyError("x")
print(k.events)

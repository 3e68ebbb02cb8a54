# An AttributeError raised by __getattr__ learns name and obj on its way out.
class Config:
    def __init__(self):
        self.verbose = True

    def __getattr__(self, name):
        raise AttributeError(f"no setting {name!r}")


print(Config().verbos)

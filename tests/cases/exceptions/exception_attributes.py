class HTTPError(Exception):
    def __init__(self, status, reason):
        super().__init__(status, reason)
        self.status = status
        self.reason = reason
    def __str__(self):
        return f"{self.status} {self.reason}"
try:
    raise HTTPError(404, "Not Found")
except HTTPError as e:
    print(e, e.status, e.args, repr(e))
try:
    open("/nonexistent/dir/file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
except OSError as e:
    print("OSError", e)
try:
    {}["key"]
except KeyError as e:
    print(e.args, str(e), repr(e))
try:
    import nonexistent_module_xyz
except ImportError as e:
    print(type(e).__name__, e, e.name)

print("helper_mod is being imported, __name__ =", __name__)
VALUE = 42
_private = "hidden"
def greet(name):
    return f"hello, {name} (from {__name__})"
class Tool:
    def use(self):
        return "tool used"
if __name__ == "__main__":
    print("this only prints when helper_mod runs as a script")

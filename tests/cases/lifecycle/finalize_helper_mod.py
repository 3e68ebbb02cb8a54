# Helper for del_at_exit_modules.py: a module global with a finalizer.


class Held:
    def __del__(self):
        print("del in the imported module")


held = Held()

# At exit, objects held by the globals of modules imported from files are
# finalized too: those of the imported module first, then __main__'s.
import finalize_helper_mod


class Main:
    def __del__(self):
        print("del in __main__")


m = Main()
print("end", finalize_helper_mod.held.__class__.__name__)

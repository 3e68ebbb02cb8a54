import sys
print(sys.excepthook is sys.__excepthook__, sys.displayhook is sys.__displayhook__)
sys.displayhook(5); sys.displayhook(None)
import builtins; print(builtins._)
def hook(t, v, tb):
    print("custom:", t.__name__, v, tb is not None)
sys.excepthook = hook
1/0

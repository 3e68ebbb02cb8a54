import helper_mod
print(helper_mod.VALUE, helper_mod.greet("test"), helper_mod.Tool().use())
import helper_mod as h
print(h is helper_mod, h.__name__)
from helper_mod import greet, VALUE as V
print(greet("again"), V)
import sys
print("helper_mod" in sys.modules, sys.modules["helper_mod"] is helper_mod)
helper_mod.VALUE = 7
from helper_mod import VALUE
print(VALUE)

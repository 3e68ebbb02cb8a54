from helper_mod import *
print(VALUE, greet("star"), Tool().use())
print("_private" in dir())

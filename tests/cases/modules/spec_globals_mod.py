# Reads its own spec only through globals(): CPython's import gives every module one.
spec = globals()['__spec__']
print('helper spec:', spec.name, spec.origin.endswith('spec_globals_mod.py'), spec.parent == '')

s = """First line
    indented "quotes" and 'single'
last line"""
print(s)
print(len(s.splitlines()))
t = '''a\tb
c'''
print(t)
print("""x""" + '''y''', """ends with quote\"""")
def f():
    """Docstring here."""
    return 1
print(f.__doc__)

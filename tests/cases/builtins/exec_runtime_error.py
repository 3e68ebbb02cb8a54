# A runtime error inside exec'd code: the traceback has a <string> frame.
src = """
def divide(a, b):
    return a / b

print(divide(6, 3))
print(divide(1, 0))
"""
exec(src, {})

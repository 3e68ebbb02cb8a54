# A function's code that uses its enclosing function's variables cannot run
# on its own: eval/exec refuse it with TypeError.
def outer(x):
    return lambda: x + 1


inner = outer(3)
for run in (eval, exec):
    try:
        run(inner.__code__, {})
    except TypeError as e:
        print(run.__name__, "TypeError:", e)
print(eval(compile("1 + 2", "<s>", "eval")))

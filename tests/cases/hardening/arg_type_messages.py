# CPython's own TypeError messages for wrong argument types found by the
# differential fuzzer: zip reports iter()'s error, str.partition/count say
# only "must be str, not …".
class BadIter:
    def __iter__(self):
        raise TypeError("custom iter failure")


for call in ["zip(True)", "zip([1], 5)", "zip([1], BadIter())", "zip(None, strict=True)",
             "'a,b'.partition(1)", "'a,b'.rpartition([1])", "', '.count([1])", "'a'.count(None, 0)",
             "'a'.find(1)", "'a'.index(1.5)"]:
    try:
        eval(call)
        print(call, "ok")
    except TypeError as e:
        print(call, "->", e)

import warnings

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("first")
    warnings.warn("second", DeprecationWarning)
    warnings.warn(RuntimeWarning("third"))
    print(len(w))
    for m in w:
        print(m.category.__name__, str(m.message), type(m.message).__name__)

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom", UserWarning)
    except UserWarning as e:
        print("caught", repr(e))

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="skip")
    warnings.filterwarnings("error", category=DeprecationWarning)
    warnings.warn("skip this")
    try:
        warnings.warn("old", DeprecationWarning)
    except DeprecationWarning as e:
        print("deprecated:", e)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("same message")
    print("default shows once:", len(w))
print("done")

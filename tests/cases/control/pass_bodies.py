def nothing():
    pass
class Empty:
    pass
for _ in range(2):
    pass
if True:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
print(nothing(), Empty.__name__, "done")

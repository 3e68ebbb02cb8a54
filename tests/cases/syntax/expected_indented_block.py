print("not run")
if True:
x = 1

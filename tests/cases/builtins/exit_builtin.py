print("before exit")
exit(4)
print("not printed")

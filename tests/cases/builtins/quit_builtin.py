print("quitting")
quit()
print("not printed")

print("this must not run: the file fails to compile")
x = = 1

import sys
sys.stdout.write("line via write\n")
sys.stdout.write("no newline")
sys.stdout.write("\n")
sys.stdout.flush()
sys.stderr.write("error stream line\n")
sys.stderr.flush()
print("print after writes")

import sys
print(len(sys.argv), sys.argv[0], sys.argv[1:])
total = sum(int(a) for a in sys.argv[1:] if a.isdigit())
print("sum of numeric args:", total)

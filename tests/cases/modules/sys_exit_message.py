import sys
print("checking config")
sys.exit("fatal: configuration missing")

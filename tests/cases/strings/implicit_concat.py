s = "abc" "def" 'ghi'
print(s)
t = ("one "
     "two "
     'three')
print(t)
print("a" f"{1 + 1}" "c", r"\n" "\n" r"\t")

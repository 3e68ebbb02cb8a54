# eval of a statement is a SyntaxError shown with the <string> block.
print("before")
eval("total = 1 + 2")

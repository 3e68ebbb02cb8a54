# A subscript: `~` under the value, `^` under the brackets.
scores = {"ann": [90, 85]}
print(scores["ann"][1])
print(scores["ann"] [ 2 ])

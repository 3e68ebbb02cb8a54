ages = {"ann": 30}
print(ages["ann"])
print(ages["bob"])

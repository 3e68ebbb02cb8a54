x = 2
if x > 1
    pass

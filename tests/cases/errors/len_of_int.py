len(10)

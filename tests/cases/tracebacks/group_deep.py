e = ValueError("leaf")
for i in range(12):
    e = ExceptionGroup(f"lvl{i}", [e])
raise e

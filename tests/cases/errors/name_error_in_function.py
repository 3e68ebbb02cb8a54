def compute():
    return missing_value_xyz * 2
total = 5
compute()

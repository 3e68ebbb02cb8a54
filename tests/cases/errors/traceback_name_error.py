def helper():
    print("helper running")
    undefined_name
helper()

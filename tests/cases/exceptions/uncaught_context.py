def cleanup():
    raise KeyError("cleanup")
def work():
    try:
        raise ValueError("work failed")
    except ValueError:
        cleanup()
work()

match 1:
    case int(1, 2):
        pass

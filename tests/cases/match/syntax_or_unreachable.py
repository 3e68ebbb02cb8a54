match 1:
    case z | 2:
        pass

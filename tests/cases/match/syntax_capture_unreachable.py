x = 1
match x:
    case 1:
        pass
    case y:
        pass
    case 3:
        pass

print("never runs")
match 5:
    case 1:
    print("one")

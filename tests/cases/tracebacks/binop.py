# A binary operation: `~` under the operands, `^` under the operator.
def ratio(total, count):
    return total / count + 1


print("start")
print(ratio(10, 0))

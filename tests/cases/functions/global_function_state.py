total = 0
history = []
def record(x):
    global total
    total += x
    history.append(x)
for i in range(5):
    record(i)
print(total, history)
def reset():
    global total, history
    total, history = 0, []
reset()
print(total, history)

name = input()
print(f"Hello, {name}!")
age = int(input("Age? "))
print("next year:", age + 1)
numbers = [int(x) for x in input().split()]
print(sum(numbers), max(numbers))
rest = []
while True:
    try:
        line = input()
    except EOFError:
        print("EOF reached")
        break
    rest.append(line.strip())
print(rest)

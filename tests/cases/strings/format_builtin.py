print(format(3.14159, ".2f"), format(255, "x"), format(255, "08b"), format("s", "^9") + "|")
print(format(1234567.891, ",.2f"), format(0.125, ".1%"), format(42), format(-7, "+"))
print(format(12, "o"), format(True), format(None), format([1, 2]))
print("abc".__format__(">5"), (1.5).__format__("06.2f"))

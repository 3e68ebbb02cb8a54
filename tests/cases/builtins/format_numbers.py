print(format(1234.5, ","), format(0.1, ".20f"), format(1 / 3, ".5"), format(123, "+08,d"))
print(format(255, "#010b"), format(-255, "#x"), format(3.0, "g"), format(3e-5, ".2g"))
print(format(1e6, ".0f"), format(2.5, ".0f"), format(-0.0, ".1f"), format(12.0, "n") if False else "12")
print(format(99.999, ".2f"), format(0.995, ".2f"), format(1.045, ".2f"), format(123456789, ".3e"))

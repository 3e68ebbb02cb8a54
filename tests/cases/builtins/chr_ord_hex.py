print(chr(65), chr(97), chr(8364), chr(0x1F600), ord("A"), ord("€"), ord("\n"))
print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0))
print(int(hex(1234), 16), int(bin(99), 2), int(oct(77), 8))
print([chr(c) for c in range(ord("a"), ord("f"))], "".join(chr(ord(c) + 1) for c in "HAL"))
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)

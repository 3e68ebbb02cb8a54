print(1_000_000, 0x_FF, 0o17, 0b1010, 0xdead_beef)
print(1_0.5, 1e1_0, .5, 5., 0.5e-2)
print(0, 00, 0x0, -0, +0)
print(1E3, 2.5E-3, 0B11, 0O7, 0XaB)

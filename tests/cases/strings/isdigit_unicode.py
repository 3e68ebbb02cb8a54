# str.isdigit covers every Unicode digit, not only decimals; isdecimal does not.
for ch in ["7", "٣", "²", "¹", "⁰", "₉", "①", "⑴", "⒈", "❶", "\U0001f107", "\U00010a40", "½", "Ⅻ", "a", "一"]:
    print(ascii(ch), ch.isdigit(), ch.isdecimal(), ch.isnumeric())
print("12²".isdigit(), "12½".isdigit(), "".isdigit())

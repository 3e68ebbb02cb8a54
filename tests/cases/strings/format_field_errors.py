# str.format / format_map: field numbers too big, positional fields in
# format_map, '{' inside a field name.
big = "23098475029384702983476098230754973209482573"
cases = [("{" + big + "}", ()), ("{[" + big + "]}", ([0],)), ("{9223372036854775808}", ()),
         ("{9223372036854775807}", ()), ("{}", ()), ("{a{}b}", (42,)), ("{a{b}", (42,)), ("{[}", (42,))]
for fmt, args in cases:
    try:
        print(repr(fmt.format(*args)))
    except Exception as e:
        print(type(e).__name__, e)
for fmt in ["{}", "{0}", "{a} {}", "{a}", "{0[1]}"]:
    try:
        print(repr(fmt.format_map({"a": 2, "b": 1})))
    except Exception as e:
        print(type(e).__name__, e)
print("{[{]}".format({"{": "a"}), "{[}]}".format({"}": "a"}), "{[!]}".format({"!": "a"}))
for args in [("abc", "def", 2), ("abc", 2), (1, "a"), (1, 2)]:
    try:
        print(str.maketrans(*args))
    except Exception as e:
        print(type(e).__name__, e)

samples = ["123", "12.3", "abc", "abc123", "   ", "", "Hello", "HELLO", "hello", "Hello World", "_id", "3d", "Ab1 Cd"]
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(),
          s.istitle(), s.isdecimal(), s.isnumeric(), s.isidentifier())

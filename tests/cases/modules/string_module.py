import string
print(string.ascii_lowercase)
print(string.ascii_uppercase)
print(string.ascii_letters)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace))
print(string.capwords("hello   big world"), len(string.printable))
print(string.Template("$who likes ${what}").substitute(who="tim", what="tea"))

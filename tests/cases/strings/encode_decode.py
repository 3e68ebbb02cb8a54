s = "héllo wörld"
b = s.encode("utf-8")
print(b, len(s), len(b))
print(b.decode("utf-8") == s, b.decode())
print("abc".encode(), "€".encode("utf-8"), list("€".encode()))
print("naïve".encode("ascii", "ignore"), "naïve".encode("ascii", "replace"))
print(bytes([104, 105]).decode("ascii"), b"\xc3\xa9".decode("utf-8"))

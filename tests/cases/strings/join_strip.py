words = ["alpha", "beta", "gamma"]
print("-".join(words), "".join(words), ", ".join([]), "/".join("abc"))
print(repr("  padded \t\n".strip()), repr("  padded  ".lstrip()), repr("  padded  ".rstrip()))
print("xxhixx".strip("x"), "abcHELLOcba".strip("abc"), "www.example.com".lstrip("w."))
print("mississippi".rstrip("ip"), "---".strip("-") == "")
print(" ".join(str(i) for i in range(5)))

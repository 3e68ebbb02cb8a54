for s in ["hello world", "HELLO World", "they're bill's friends", "mIxEd CaSe 123", "ß straße"]:
    print(s.upper(), "|", s.lower(), "|", s.title(), "|", s.capitalize(), "|", s.swapcase())
print("Straße".casefold(), "ǅ".lower(), "İ".lower() == "i̇")

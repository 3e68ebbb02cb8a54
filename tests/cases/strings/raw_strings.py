print(r"C:\new\table", r"\d+\.\d*", len(r"\n"), r"a\"b")
print(R"raw\x41", rb"\x00" if False else "bytes skipped", r'''multi\n
line''')
print(repr(r"\n"), r"\\" == "\\\\")

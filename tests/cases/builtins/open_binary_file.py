import os
path = f"_tmp_bin_{os.getpid()}.dat"
with open(path, "wb") as f:
    f.write(bytes(range(0, 256, 51)))
    f.write(b"\x00tail")
with open(path, "rb") as f:
    data = f.read()
print(data, len(data), data[0], data[-1], type(data).__name__)
with open(path, "rb") as f:
    print(f.read(3), f.read(2), f.read())
text = "ünïcödé\nline2\n"
with open(path, "w", encoding="utf-8") as f:
    f.write(text)
with open(path, "rb") as f:
    raw = f.read()
print(raw, len(raw), len(text))
with open(path, encoding="utf-8") as f:
    print(f.read() == text)
os.remove(path)

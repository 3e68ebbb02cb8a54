"""re: compiling, searching, findall, sub with a function, split, over generated log text."""
import re

lines = []
for i in range(2000):
    lines.append("2024-01-%02d 12:%02d:%02d host%d GET /api/v%d/items/%d?q=x%d 200 %d bytes user=<u%d@example.org>"
                 % (i % 28 + 1, i % 60, (i * 7) % 60, i % 5, i % 3, i, i * 3, i * 11, i % 97))
text = "\n".join(lines)

DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
REQ = re.compile(r"(GET|POST) (/\S+) (\d{3}) (\d+) bytes")
MAIL = re.compile(r"<([\w.]+)@([\w.]+)>")
total = 0
for _ in range(3):
    total += len(DATE.findall(text))
    for m in REQ.finditer(text):
        total += int(m.group(4)) % 7 + len(m.group(2))
    total += len(MAIL.sub(lambda m: m.group(1).upper(), text))
    total += len(re.split(r"\s+", text))
    total += sum(1 for ln in lines if re.match(r"\d+-\d+-0[1-5]", ln))
print("regex", total)

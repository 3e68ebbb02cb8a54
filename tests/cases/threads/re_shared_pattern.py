# One compiled pattern and the re module cache shared by threads.
import re
import threading

pat = re.compile(r'(?P<k>\w+)=(?P<v>\d+)')
results = []
lock = threading.Lock()

def work(n):
    text = ' '.join('k%d_%d=%d' % (n, i, i * n) for i in range(200))
    found = pat.findall(text)
    total = sum(int(v) for _, v in found)
    subbed = re.sub(r'=(\d+)', lambda m: ':' + m.group(1), text)
    count = len(re.findall(r'k%d_\d+:' % n, subbed))
    it = sum(1 for _ in pat.finditer(text))
    with lock:
        results.append((n, len(found), total, count, it))

threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for r in sorted(results):
    print(r)

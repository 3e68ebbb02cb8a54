import threading
out = {}
def job(key, a, b, scale=1, offset=0):
    out[key] = (a + b) * scale + offset
t1 = threading.Thread(target=job, args=("one", 1, 2))
t2 = threading.Thread(target=job, args=("two", 3, 4), kwargs={"scale": 10})
t3 = threading.Thread(target=job, kwargs={"key": "three", "a": 5, "b": 6, "offset": 100})
for t in (t1, t2, t3):
    t.start()
    t.join()
print(out)
t4 = threading.Thread(target=print, args=("printed from", "a thread"), kwargs={"sep": " | "})
t4.start()
t4.join()

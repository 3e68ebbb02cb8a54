import threading
accounts = {"a": 1000, "b": 1000}
lock = threading.Lock()
violations = []
def transfer(src, dst, amount, times):
    for _ in range(times):
        with lock:
            accounts[src] -= amount
            accounts[dst] += amount
def audit(times):
    for _ in range(times):
        with lock:
            total = accounts["a"] + accounts["b"]
        if total != 2000:
            violations.append(total)
threads = [threading.Thread(target=transfer, args=("a", "b", 3, 2000)),
           threading.Thread(target=transfer, args=("b", "a", 2, 2000)),
           threading.Thread(target=audit, args=(2000,))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(accounts, violations)

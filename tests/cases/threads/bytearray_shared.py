# Threads appending to one bytearray and writing through memoryviews of
# another: every operation is atomic, with the GIL on or off.
import threading
import array

shared = bytearray()
grid = bytearray(4 * 1000)
nums = array.array("i")

def worker(k):
    view = memoryview(grid)[k * 1000:(k + 1) * 1000]
    for i in range(1000):
        shared.append(k)
        view[i] = k + 1
        nums.append(i)
    view.release()

threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(shared), sorted(shared.count(k) for k in range(4)))
print([grid[k * 1000:(k + 1) * 1000].count(k + 1) for k in range(4)])
print(len(nums), sum(nums))
grid.append(0)
print(len(grid))

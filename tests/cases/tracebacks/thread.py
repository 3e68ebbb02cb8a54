# An exception in a thread is drawn by the same printer.
import threading


def work(items):
    return items[3]


t = threading.Thread(target=work, args=([1, 2],), name="worker")
t.start()
t.join()
print("joined")

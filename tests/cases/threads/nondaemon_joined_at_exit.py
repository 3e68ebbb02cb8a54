import threading
gate = threading.Event()
def late_printer():
    gate.wait()
    print("non-daemon thread finished after main body")
t = threading.Thread(target=late_printer)
t.start()
print("main body ends")
gate.set()

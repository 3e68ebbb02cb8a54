# An uncaught error in a thread is printed by the C printer, with its suggestion.
import threading


def work():
    results = []
    results.apend(1)


t = threading.Thread(target=work, name="worker")
t.start()
t.join()
print("joined")

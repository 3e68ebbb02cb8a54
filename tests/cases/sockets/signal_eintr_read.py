import errno, os, signal, sys
r, w = os.pipe()
def handler(signum, frame):
    1 / 0
signal.signal(signal.SIGALRM, handler)
print("ready"); sys.stdout.flush()  # the alarm interrupts os.read; the handler raises (PEP 475)
try:
    for loop in range(2):
        signal.alarm(1)
        try:
            os.read(r, 1)
        except ZeroDivisionError:
            print("zde")
        else:
            sys.exit(2)
    sys.exit(3)
finally:
    os.close(r); os.close(w)

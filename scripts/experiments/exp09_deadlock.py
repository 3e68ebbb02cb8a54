# Run:     gilt scripts/experiments/exp09_deadlock.py ; echo "exit status $?"
# Observe: two threads take two locks in opposite orders and wait for each other forever;
#          gilt notices within a second, prints the wait-for cycle and exits with status 3.
import threading
import time

accounts = threading.Lock()
audit_log = threading.Lock()


def transfer():
    with accounts:
        time.sleep(0.05)
        with audit_log:
            print("transfer done")


def audit():
    with audit_log:
        time.sleep(0.05)
        with accounts:
            print("audit done")


t1 = threading.Thread(target=transfer, name="transfer")
t2 = threading.Thread(target=audit, name="audit")
t1.start()
t2.start()
t1.join()
t2.join()

# Helper of import_wait.py: events the helper modules' bodies use to order themselves.
import threading

started = threading.Event()
a_started = threading.Event()
b_started = threading.Event()

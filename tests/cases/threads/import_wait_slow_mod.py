# Helper of import_wait.py: a module whose body takes a while.
import time

import import_wait_sync_mod as sync

sync.started.set()
time.sleep(0.3)
ANSWER = 42

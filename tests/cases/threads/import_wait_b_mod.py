# Helper of import_wait.py: the other half of the cross-thread circular import.
import import_wait_sync_mod as sync

sync.b_started.set()
sync.a_started.wait()
import import_wait_a_mod

NAME = "b"

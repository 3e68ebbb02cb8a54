# Helper of import_wait.py: imports import_wait_b_mod while another thread
# initialises it (and that one imports this module): a circular import
# across two threads.
import import_wait_sync_mod as sync

sync.a_started.set()
sync.b_started.wait()
import import_wait_b_mod

NAME = "a"

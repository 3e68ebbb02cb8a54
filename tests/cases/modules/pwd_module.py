import os
import pwd

me = pwd.getpwuid(os.getuid())
print(type(me).__name__, type(me).__module__, len(me), me.pw_uid == os.getuid(), me[0] == me.pw_name)
print(pwd.getpwnam(me.pw_name) == me)
root = pwd.getpwuid(0)
print(root.pw_name, root.pw_uid, root.pw_gid, repr(root)[:40])
print(any(e.pw_uid == 0 for e in pwd.getpwall()))
for call in (lambda: pwd.getpwuid(987654), lambda: pwd.getpwnam('no-such-user-x'),
             lambda: pwd.getpwuid('0'), lambda: pwd.getpwnam(0), lambda: pwd.getpwuid(-5),
             lambda: pwd.getpwuid(2 ** 70), lambda: pwd.getpwnam('a\0b'), lambda: pwd.getpwuid(),
             lambda: pwd.getpwuid(1, 2), lambda: pwd.getpwuid(uid=1), lambda: pwd.getpwnam(),
             lambda: pwd.getpwall(1), lambda: pwd.getpwuid(1.0), lambda: pwd.getpwuid(-1),
             lambda: pwd.getpwuid(2 ** 32 - 1)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

# getpass.getuser() falls back on pwd when the environment names no user.
import getpass
for var in ('LOGNAME', 'USER', 'LNAME', 'USERNAME'):
    os.environ.pop(var, None)
print(getpass.getuser() == me.pw_name)

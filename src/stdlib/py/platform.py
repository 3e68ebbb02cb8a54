"""gilt's platform: a few fixed answers about the host."""

import sys


def system():
    return "Linux"


def python_version():
    return "3.11.7"


def python_version_tuple():
    return ("3", "11", "7")


def python_implementation():
    return "gilt"


def machine():
    try:
        import posix as _os
        return _os.uname().machine
    except Exception:
        return "x86_64"


def node():
    try:
        with open("/etc/hostname") as f:
            return f.read().strip()
    except Exception:
        return ""


def release():
    try:
        with open("/proc/sys/kernel/osrelease") as f:
            return f.read().strip()
    except Exception:
        return ""


def version():
    return ""


def processor():
    return ""


def architecture(executable=None, bits="", linkage=""):
    return ("64bit", "ELF")


def platform(aliased=False, terse=False):
    r = release()
    return "Linux-%s-%s" % (r, machine()) if r else "Linux-" + machine()


def uname():
    return (system(), node(), release(), version(), machine(), processor())


if __name__ == "__main__":
    # `gilt -m platform [--terse] [--nonaliased]`, as `python3 -m platform`.
    _flags = set(sys.argv[1:])
    print(platform(aliased=not _flags & {"nonaliased", "--nonaliased"},
                   terse=bool(_flags & {"terse", "--terse"})))

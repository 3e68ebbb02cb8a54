# exc.__traceback__ is one chain of traceback objects: every read returns the
# same objects, the chain grows at its head as the exception goes up, and
# sys.exc_info(), with_traceback() and ExceptionGroup.split() share it.
import sys


def inner():
    raise ValueError("x")


def outer():
    try:
        inner()
    except ValueError as e:
        global seen_inside
        seen_inside = e.__traceback__
        raise


try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    print("same on every read:", tb is e.__traceback__)
    print("exc_info shares it:", sys.exc_info()[2] is tb)
    names = []
    t = tb
    while t is not None:
        names.append(t.tb_frame.f_code.co_name)
        t = t.tb_next
    print("chain:", names)
    print("inner part kept:", tb.tb_next is seen_inside)
    e2 = ValueError("y").with_traceback(tb)
    print("with_traceback:", e2.__traceback__ is tb)

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except ExceptionGroup as eg:
    match, rest = eg.split(ValueError)
    print("split shares:", match.__traceback__ is eg.__traceback__, rest.__traceback__ is eg.__traceback__)

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as g:
        print("except* traceback:", g.__traceback__ is not None)
except* TypeError as g:
    print("remainder traceback:", g.__traceback__ is not None)

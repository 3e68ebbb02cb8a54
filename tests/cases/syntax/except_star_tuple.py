# several types must be parenthesized
try:
    pass
except* ValueError, TypeError:
    pass

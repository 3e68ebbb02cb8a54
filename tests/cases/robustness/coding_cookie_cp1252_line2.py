#!/usr/bin/env python3
# vim: set fileencoding=cp1252 :
# The cookie may be on line 2 when line 1 is a comment.
s = "€ “quoted” …"
print(s, len(s), ascii(s))

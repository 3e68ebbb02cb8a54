# A raise statement followed by a comment: the statement is marked.
def fail():
    raise RuntimeError("boom")  # not the whole line any more


fail()

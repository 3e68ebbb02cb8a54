# The suggestion comes from the name attribute, even on a hand-made exception.
raise NameError("custom message", name="lenn")

# An uncaught error raised inside the standard library: the traceback shows
# the library modules' own source lines.
import json

print("start")
json.loads("[1, 2")

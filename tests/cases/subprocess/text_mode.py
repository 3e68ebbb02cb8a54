# Text mode: text=True / universal_newlines / encoding, getoutput.
import subprocess

print(repr(subprocess.check_output(["echo", "text"], text=True)))
print(repr(subprocess.run(["printf", "a\\r\\nb\\n"], stdout=subprocess.PIPE, universal_newlines=True).stdout))
print(repr(subprocess.run(["cat"], input="é ü", capture_output=True, encoding="utf-8").stdout))
print(repr(subprocess.getoutput("echo one; echo two")))
print(subprocess.getstatusoutput("echo failing; exit 2"))

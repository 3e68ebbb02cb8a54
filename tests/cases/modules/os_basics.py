import os
print(os.path.basename(os.getcwd()), os.sep, type(os.getpid()).__name__, os.getpid() > 0, os.getppid() > 0)
print(isinstance(os.cpu_count(), int) and os.cpu_count() >= 1)
print(os.environ.get("GILT_TEST_SURELY_UNSET", "default"), "PATH" in os.environ)
os.environ["GILT_TEST_VAR"] = "set by test"
print(os.environ["GILT_TEST_VAR"], os.environ.get("GILT_TEST_VAR"))
print(sorted(f for f in os.listdir(".") if f.startswith("helper") and f.endswith(".py")))
print(os.path.exists("os_basics.py"), os.path.exists("no_such_file.txt"))

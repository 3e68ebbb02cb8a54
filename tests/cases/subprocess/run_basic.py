# subprocess.run/call/check_call/check_output with one pipe or none:
# return codes, CalledProcessError, a missing program, cwd, env, shell=True.
import os
import subprocess

print(subprocess.run(["true"]))
print(subprocess.run(["false"]).returncode)
print(subprocess.call(["sh", "-c", "exit 42"]))
print(subprocess.check_call(["true"]))
print(subprocess.run(["echo", "hello", "world"], stdout=subprocess.PIPE).stdout)
print(subprocess.check_output(["echo", "checked"]))
print(subprocess.check_output("echo $((6 * 7))", shell=True))
print(subprocess.check_output(["sh", "-c", "echo to stderr >&2; echo to stdout"], stderr=subprocess.STDOUT))
print(subprocess.run(["sh", "-c", "echo quiet"], stdout=subprocess.DEVNULL))

try:
    subprocess.check_call(["sh", "-c", "exit 3"])
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e, e.returncode, e.cmd)
try:
    subprocess.check_output(["sh", "-c", "echo partial; exit 1"])
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e, e.output)
try:
    subprocess.run(["false"], check=True)
except subprocess.CalledProcessError as e:
    print("check=True:", e)

for cmd in [["nonexistent_program_xyz"], ["./nonexistent_program_xyz"]]:
    try:
        subprocess.run(cmd)
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.filename, e)
try:
    subprocess.run(["true"], cwd="nonexistent_dir_xyz")
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    subprocess.run(["."])
except PermissionError as e:
    print(type(e).__name__, e)

work_dir = f"tmp_run_basic_{os.getpid()}"  # both GIL modes run at once
os.makedirs(work_dir, exist_ok=True)
print(subprocess.check_output(["pwd"], cwd=work_dir).endswith(f"/{work_dir}\n".encode()))
os.rmdir(work_dir)
print(subprocess.check_output(["sh", "-c", "echo $GREETING"], env={"GREETING": "hi", "PATH": os.environ["PATH"]}))
os.environ["GILT_SUBPROC_VAR"] = "inherited"
print(subprocess.check_output("echo $GILT_SUBPROC_VAR", shell=True))
print(subprocess.check_output(["sh", "-c", "echo $0 $1 $2", "zero", "one", "two"]))
print(subprocess.run("exit 9", shell=True).returncode)

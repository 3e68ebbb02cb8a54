# a coverage-style line counter over a small program
import sys
from collections import defaultdict

hits = defaultdict(int)
def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    if event == "line":
        hits[(frame.f_code.co_name, frame.f_lineno)] += 1
    return tracer

class Account:
    rate = 0.5
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self.balance += amount
        return self.balance

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def program():
    acct = Account("ann")
    for amount in [10, -1, 5]:
        try:
            acct.deposit(amount)
        except ValueError as e:
            msg = str(e)
    squares = [i * i for i in range(3)]
    total = sum(x for x in squares)
    with open(__file__) as f:
        first = f.readline()
    while total > 1:
        total //= 2
    d = {k: v for k, v in zip("ab", (1, 2))}
    f = lambda y: y + 1
    return fib(5), acct.balance, total, f(d["a"])

sys.settrace(tracer)
result = program()
sys.settrace(None)
print(result)
for key in sorted(hits):
    print(key, hits[key])

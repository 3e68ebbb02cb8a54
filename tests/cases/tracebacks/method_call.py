# A method that raises inside, and the method name marked in the caller.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount


acct = Account(10)
acct.withdraw(5)
print(acct.balance)
result = acct.withdraw(20), acct.balance

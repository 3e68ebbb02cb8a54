pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (ArithmeticError, Exception), (KeyError, LookupError), (IndexError, LookupError),
    (LookupError, Exception), (Exception, BaseException), (KeyboardInterrupt, Exception),
    (KeyboardInterrupt, BaseException), (SystemExit, Exception), (SystemExit, BaseException),
    (StopIteration, Exception), (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (TimeoutError, OSError), (FileNotFoundError, OSError), (UnboundLocalError, NameError),
    (ModuleNotFoundError, ImportError), (GeneratorExit, Exception), (AssertionError, Exception),
    (TypeError, ValueError), (UnicodeDecodeError, ValueError), (AttributeError, Exception),
    (IndentationError, SyntaxError), (TabError, IndentationError), (PermissionError, OSError),
]
for sub, sup in pairs:
    print(f"{sub.__name__:20} {sup.__name__:16} {issubclass(sub, sup)}")
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in TabError.__mro__])

def handle(exc):
    try:
        raise exc
    except ZeroDivisionError:
        return "ZeroDivisionError handler"
    except ArithmeticError:
        return "ArithmeticError handler"
    except LookupError as e:
        return f"LookupError handler for {type(e).__name__}"
    except Exception:
        return "Exception handler"
    except BaseException:
        return "BaseException handler"
for exc in [ZeroDivisionError, OverflowError, KeyError("x"), IndexError, ValueError, KeyboardInterrupt, SystemExit(0)]:
    print(handle(exc))

def check(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return f"lookup {type(e).__name__}"
    except ZeroDivisionError:
        return "zero"
    except ArithmeticError as e:
        return f"arith {type(e).__name__}"
    except Exception as e:
        return f"other {type(e).__name__}: {e}"
for exc in [KeyError("k"), IndexError(), ZeroDivisionError(), OverflowError(), ValueError("v"), TypeError]:
    print(check(exc))
try:
    raise ValueError("x")
except ValueError as err:
    pass
try:
    print(err)
except NameError as e:
    print("NameError:", e)
try:
    int("abc")
except:
    print("bare except caught")

//! Docstrings and text signatures of the built-in functions, for `help(len)`,
//! `len.__doc__` and `inspect.signature(len)`. The signatures are CPython
//! 3.11's (`__text_signature__`, which pydoc and inspect parse); the texts
//! are gilt's own words.

/// `(name, __text_signature__ or "", __doc__)` for each documented built-in.
const DOCS: &[(&str, &str, &str)] = &[
    ("abs", "($module, x, /)", "Return the absolute value of x."),
    ("all", "($module, iterable, /)", "Return True if no item of the iterable is false (True for an empty one)."),
    ("any", "($module, iterable, /)", "Return True if some item of the iterable is true (False for an empty one)."),
    ("ascii", "($module, obj, /)", "Return repr(obj) with every non-ASCII character escaped."),
    ("bin", "($module, number, /)", "Return the binary text of an integer, such as '0b1010'."),
    (
        "callable",
        "($module, obj, /)",
        "Return whether obj can be called (classes can; instances when they define __call__).",
    ),
    ("chr", "($module, i, /)", "Return the one-character string of Unicode code point i (0 <= i <= 0x10ffff)."),
    ("delattr", "($module, obj, name, /)", "Delete the attribute called name from obj: delattr(x, 'y') is del x.y."),
    (
        "dir",
        "",
        "dir([object]) -> list of strings\n\nWithout an argument, the names of the current scope; with one, the \
         attributes of the object\n(its own, its class's and their bases'), sorted.",
    ),
    ("divmod", "($module, x, y, /)", "Return the pair (x // y, x % y)."),
    ("format", "($module, value, format_spec='', /)", "Return value formatted by format_spec (as in f'{value:spec}')."),
    (
        "getattr",
        "",
        "getattr(object, name[, default]) -> value\n\nThe attribute called name of object: getattr(x, 'y') is x.y. \
         With a default,\nit is returned instead of raising AttributeError.",
    ),
    ("globals", "($module, /)", "Return the dictionary of the current module's global names."),
    (
        "hasattr",
        "($module, obj, name, /)",
        "Return whether obj has an attribute called name (getattr does not raise AttributeError).",
    ),
    ("hash", "($module, obj, /)", "Return the hash of obj: equal objects have equal hashes."),
    ("hex", "($module, number, /)", "Return the hexadecimal text of an integer, such as '0xff'."),
    ("id", "($module, obj, /)", "Return a number identifying obj, unique among the objects alive at the same time."),
    (
        "input",
        "($module, prompt='', /)",
        "Write prompt, then read one line from standard input and return it without its newline.\n\nEnd of \
         input raises EOFError.",
    ),
    (
        "isinstance",
        "($module, obj, class_or_tuple, /)",
        "Return whether obj is an instance of the class, or of a subclass of it.\n\nWith a tuple (or a union \
         type), whether it is an instance of any of them.",
    ),
    (
        "issubclass",
        "($module, cls, class_or_tuple, /)",
        "Return whether cls is the class, or derived from it.\n\nWith a tuple (or a union type), whether it \
         is one of them or derived from one.",
    ),
    (
        "iter",
        "",
        "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator\n\nAn iterator over the iterable; \
         or one that calls callable until it returns sentinel.",
    ),
    ("len", "($module, obj, /)", "Return how many items a container holds."),
    ("locals", "($module, /)", "Return a dictionary of the current scope's local names."),
    (
        "max",
        "",
        "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value\n\n\
         The largest item of the iterable, or the largest argument. default is\nreturned for an empty iterable; \
         key orders the items.",
    ),
    (
        "min",
        "",
        "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value\n\n\
         The smallest item of the iterable, or the smallest argument. default is\nreturned for an empty iterable; \
         key orders the items.",
    ),
    (
        "next",
        "",
        "next(iterator[, default])\n\nThe iterator's next item. When it has none, default if given, else \
         StopIteration.",
    ),
    ("oct", "($module, number, /)", "Return the octal text of an integer, such as '0o17'."),
    ("ord", "($module, c, /)", "Return the Unicode code point of a one-character string."),
    (
        "pow",
        "($module, /, base, exp, mod=None)",
        "Return base ** exp, or base ** exp % mod computed efficiently when mod is given.",
    ),
    (
        "print",
        "($module, /, *args, sep=' ', end='\\n', file=None, flush=False)",
        "Write the arguments to file (sys.stdout by default), separated by sep and followed by end.\n\n\
         sep\n  text between the values, a space by default.\nend\n  text after the last value, a newline by \
         default.\nfile\n  where to write: any object with a write(str) method.\nflush\n  whether to flush \
         the file at once.",
    ),
    (
        "repr",
        "($module, obj, /)",
        "Return the printable representation of obj (for many objects, eval(repr(obj)) == obj).",
    ),
    (
        "round",
        "($module, /, number, ndigits=None)",
        "Round number to ndigits decimal places (halves to even).\n\nWithout ndigits (or with None) the \
         result is an int; otherwise it has number's type.",
    ),
    (
        "setattr",
        "($module, obj, name, value, /)",
        "Set the attribute called name of obj: setattr(x, 'y', v) is x.y = v.",
    ),
    (
        "sorted",
        "($module, iterable, /, *, key=None, reverse=False)",
        "Return a new list with the iterable's items in ascending order.\n\nkey computes what is compared; \
         reverse=True sorts in descending order.",
    ),
    (
        "sum",
        "($module, iterable, /, start=0)",
        "Return start plus the sum of the iterable's items (numbers, not strings).",
    ),
    (
        "vars",
        "",
        "vars([object]) -> dictionary\n\nWithout an argument, like locals(); with one, the object's __dict__.",
    ),
    (
        "open",
        "($module, /, file, mode='r', buffering=-1, encoding=None,\n     errors=None, newline=None, closefd=True, opener=None)",
        "Open a file and return a file object (a stream); OSError when it cannot be opened.\n\nmode: 'r' \
         read (the default), 'w' write (emptying the file first), 'x' create,\n'a' append; add 'b' for bytes \
         instead of text, '+' to read and write.",
    ),
    (
        "compile",
        "($module, /, source, filename, mode, flags=0,\n        dont_inherit=False, optimize=-1, *, _feature_version=-1)",
        "Compile source into a code object that exec() or eval() can run.\n\nmode is 'exec' for a module, \
         'eval' for one expression, 'single' for one\ninteractive statement.",
    ),
    (
        "eval",
        "($module, source, globals=None, locals=None, /)",
        "Evaluate an expression (a string or a code object) and return its value.\n\nIt runs in the given \
         namespaces, by default the caller's.",
    ),
    (
        "exec",
        "($module, source, globals=None, locals=None, /, *, closure=None)",
        "Run statements (a string or a code object) in the given namespaces, by default the caller's.",
    ),
    ("aiter", "($module, async_iterable, /)", "Return an asynchronous iterator for an asynchronous iterable."),
    (
        "anext",
        "($module, aiterator, default=<unrepresentable>, /)",
        "Return an awaitable for the asynchronous iterator's next item (or default once it is exhausted).",
    ),
    (
        "breakpoint",
        "",
        "breakpoint(*args, **kws)\n\nStop in the debugger here: calls sys.breakpointhook(), which starts \
         pdb.set_trace() unless\nPYTHONBREAKPOINT says otherwise.",
    ),
];

/// The docstring of the built-in function `name`, if gilt has one.
pub fn doc(name: &str) -> Option<&'static str> {
    DOCS.iter().find(|(n, _, _)| *n == name).map(|(_, _, d)| *d)
}

/// The `__text_signature__` of the built-in function `name`, if it has one.
pub fn text_signature(name: &str) -> Option<&'static str> {
    DOCS.iter().find(|(n, sig, _)| *n == name && !sig.is_empty()).map(|(_, s, _)| *s)
}

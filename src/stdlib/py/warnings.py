"""gilt's warnings: warn, filters, catch_warnings (no frame information)."""

import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning",
           "filterwarnings", "simplefilter", "resetwarnings", "catch_warnings"]

filters = []
defaultaction = "default"
_onceregistry = {}
_seen = set()
_filters_version = 1

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


class WarningMessage:
    _WARNING_DETAILS = ("message", "category", "filename", "lineno",
                        "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


def formatwarning(message, category, filename, lineno, line=None):
    s = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    if line:
        s += "  %s\n" % line.strip()
    return s


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = formatwarning(msg.message, msg.category, msg.filename,
                         msg.lineno, msg.line)
    try:
        file.write(text)
    except OSError:
        pass


def showwarning(message, category, filename, lineno, file=None, line=None):
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


_showwarning_orig = showwarning


def _showwarnmsg(msg):
    sw = globals()["showwarning"]
    if sw is not _showwarning_orig:
        if not callable(sw):
            raise TypeError("warnings.showwarning() must be set to a "
                            "function or method")
        sw(msg.message, msg.category, msg.filename, msg.lineno,
           msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


def _add_filter(item, append):
    global _filters_version
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_version += 1


def filterwarnings(action, message="", category=Warning, module="",
                   lineno=0, append=False):
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    if not isinstance(message, str):
        raise AssertionError("message must be a string")
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise AssertionError("category must be a Warning subclass")
    _add_filter((action, message.lower(), category, module, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    _add_filter((action, "", category, "", lineno), append)


def resetwarnings():
    global _filters_version
    filters[:] = []
    _filters_version += 1


def _find_action(text, category, lineno):
    for action, msg, cat, mod, ln in filters:
        if ((not msg or text.lower().startswith(msg)) and
                issubclass(category, cat) and (ln == 0 or lineno == ln)):
            return action
    return defaultaction


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, "
                        "not '{:s}'".format(type(category).__name__))
    warn_explicit(message, category, "sys", 1, source=source)


def warn_explicit(message, category, filename, lineno, module=None,
                  registry=None, module_globals=None, source=None):
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    action = _find_action(text, category, lineno)
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action != "always":
        key = (text, category, lineno)
        if action in ("once", "module"):
            key = (text, category)
        if key in _seen:
            return
        _seen.add(key)
    _showwarnmsg(WarningMessage(message, category, filename, lineno,
                                source=source))


class catch_warnings:
    def __init__(self, *, record=False, module=None, action=None,
                 category=Warning, lineno=0, append=False):
        self._record = record
        self._entered = False
        self._filter = None
        if action is not None:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        global _seen
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % (self,))
        self._entered = True
        self._filters = filters[:]
        self._showwarning = globals()["showwarning"]
        self._seen_saved = _seen
        _seen = set(_seen)
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            globals()["showwarning"] = _showwarning_orig

            def record(msg):
                log.append(msg)
            self._showwarnmsg_saved = globals()["_showwarnmsg_impl"]
            globals()["_showwarnmsg_impl"] = record
            return log
        return None

    def __exit__(self, *exc_info):
        global _seen, _filters_version
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % (self,))
        filters[:] = self._filters
        _filters_version += 1
        globals()["showwarning"] = self._showwarning
        _seen = self._seen_saved
        if self._record:
            globals()["_showwarnmsg_impl"] = self._showwarnmsg_saved


class _OptionError(Exception):
    pass


def _option_action(text):
    if not text:
        return "default"
    if text == "all":
        return "always"
    for a in _ACTIONS:
        if a.startswith(text):
            return a
    raise _OptionError("invalid action: %r" % (text,))


def _option_category(text):
    if not text:
        return Warning
    if "." in text:
        module, _, name = text.rpartition(".")
        try:
            cat = getattr(__import__(module, None, None, [name]), name)
        except (ImportError, AttributeError):
            raise _OptionError("unknown warning category: %r" % (text,))
    else:
        table = __builtins__ if isinstance(__builtins__, dict) else vars(__builtins__)
        cat = table.get(text)
        if cat is None:
            raise _OptionError("unknown warning category: %r" % (text,))
    if not (isinstance(cat, type) and issubclass(cat, Warning)):
        raise _OptionError("invalid warning category: %r" % (text,))
    return cat


def _apply_option(text):
    # -W / PYTHONWARNINGS: action:message:category:module:lineno, each part optional.
    parts = text.split(":")
    if len(parts) > 5:
        raise _OptionError("too many fields (max 5): %r" % (text,))
    parts += [""] * (5 - len(parts))
    action, message, category, module, lineno = [p.strip() for p in parts]
    action = _option_action(action)
    category = _option_category(category)
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno %r" % (lineno,))
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _process_options(options):
    for text in options:
        try:
            _apply_option(text)
        except _OptionError as e:
            sys.stderr.write("Invalid -W option ignored: %s\n" % (e,))


_process_options(getattr(sys, "warnoptions", []))

# CPython's default filters that gilt can apply without frame information:
# after the -W options, so those take precedence.
for _cat in (PendingDeprecationWarning, ImportWarning, ResourceWarning):
    _add_filter(("ignore", "", _cat, "", 0), True)
del _cat

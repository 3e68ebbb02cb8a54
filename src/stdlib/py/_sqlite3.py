"""gilt's _sqlite3: the DB-API 2.0 layer under CPython's sqlite3 package.

SQLite itself runs in the native _sqlite3_engine (the bundled library of
the rusqlite crate), which releases the GIL for every prepare and step.
The classes are written here in Python so that they subclass as CPython's
do (a Connection factory, Row and Cursor subclasses with attributes of
their own); their behaviour and messages follow CPython 3.11's _sqlite3.
"""

import _thread
import _sqlite3_engine as _engine

version = "2.6.0"
sqlite_version = _engine.sqlite_version
# CPython maps sqlite3_threadsafe(): 0 -> 0, 1 (serialized) -> 3, 2 -> 1.
threadsafety = {0: 0, 1: 3, 2: 1}.get(_engine.threadsafe, 0)

PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2

# SQLite's constants as CPython exposes them, by value.
_CONSTANTS = """
DENY=1 ERROR=1 IGNORE=2 INTERNAL=2 CREATE_INDEX=1 CREATE_TABLE=2 CREATE_TEMP_INDEX=3
CREATE_TEMP_TABLE=4 CREATE_TEMP_TRIGGER=5 CREATE_TEMP_VIEW=6 CREATE_TRIGGER=7 CREATE_VIEW=8
DELETE=9 DROP_INDEX=10 DROP_TABLE=11 DROP_TEMP_INDEX=12 DROP_TEMP_TABLE=13 DROP_TEMP_TRIGGER=14
DROP_TEMP_VIEW=15 DROP_TRIGGER=16 DROP_VIEW=17 INSERT=18 PRAGMA=19 READ=20 SELECT=21
TRANSACTION=22 UPDATE=23 ATTACH=24 DETACH=25 ALTER_TABLE=26 REINDEX=27 ANALYZE=28
CREATE_VTABLE=29 DROP_VTABLE=30 FUNCTION=31 SAVEPOINT=32 RECURSIVE=33
OK=0 PERM=3 ABORT=4 BUSY=5 LOCKED=6 NOMEM=7 READONLY=8 INTERRUPT=9 IOERR=10 CORRUPT=11
NOTFOUND=12 FULL=13 CANTOPEN=14 PROTOCOL=15 EMPTY=16 SCHEMA=17 TOOBIG=18 CONSTRAINT=19
MISMATCH=20 MISUSE=21 NOLFS=22 AUTH=23 FORMAT=24 RANGE=25 NOTADB=26 NOTICE=27 WARNING=28
ROW=100 DONE=101
LIMIT_LENGTH=0 LIMIT_SQL_LENGTH=1 LIMIT_COLUMN=2 LIMIT_EXPR_DEPTH=3 LIMIT_COMPOUND_SELECT=4
LIMIT_VDBE_OP=5 LIMIT_FUNCTION_ARG=6 LIMIT_ATTACHED=7 LIMIT_LIKE_PATTERN_LENGTH=8
LIMIT_VARIABLE_NUMBER=9 LIMIT_TRIGGER_DEPTH=10 LIMIT_WORKER_THREADS=11
ERROR_MISSING_COLLSEQ=257 ERROR_RETRY=513 ERROR_SNAPSHOT=769
IOERR_READ=266 IOERR_SHORT_READ=522 IOERR_WRITE=778 IOERR_FSYNC=1034 IOERR_DIR_FSYNC=1290
IOERR_TRUNCATE=1546 IOERR_FSTAT=1802 IOERR_UNLOCK=2058 IOERR_RDLOCK=2314 IOERR_DELETE=2570
IOERR_BLOCKED=2826 IOERR_NOMEM=3082 IOERR_ACCESS=3338 IOERR_CHECKRESERVEDLOCK=3594
IOERR_LOCK=3850 IOERR_CLOSE=4106 IOERR_DIR_CLOSE=4362 IOERR_SHMOPEN=4618 IOERR_SHMSIZE=4874
IOERR_SHMLOCK=5130 IOERR_SHMMAP=5386 IOERR_SEEK=5642 IOERR_DELETE_NOENT=5898 IOERR_MMAP=6154
IOERR_GETTEMPPATH=6410 IOERR_CONVPATH=6666 IOERR_VNODE=6922 IOERR_AUTH=7178
IOERR_BEGIN_ATOMIC=7434 IOERR_COMMIT_ATOMIC=7690 IOERR_ROLLBACK_ATOMIC=7946
IOERR_DATA=8202 IOERR_CORRUPTFS=8458
LOCKED_SHAREDCACHE=262 LOCKED_VTAB=518
BUSY_RECOVERY=261 BUSY_SNAPSHOT=517 BUSY_TIMEOUT=773
CANTOPEN_NOTEMPDIR=270 CANTOPEN_ISDIR=526 CANTOPEN_FULLPATH=782 CANTOPEN_CONVPATH=1038
CANTOPEN_DIRTYWAL=1294 CANTOPEN_SYMLINK=1550
CORRUPT_VTAB=267 CORRUPT_SEQUENCE=523 CORRUPT_INDEX=779
READONLY_RECOVERY=264 READONLY_CANTLOCK=520 READONLY_ROLLBACK=776 READONLY_DBMOVED=1032
READONLY_CANTINIT=1288 READONLY_DIRECTORY=1544
ABORT_ROLLBACK=516
CONSTRAINT_CHECK=275 CONSTRAINT_COMMITHOOK=531 CONSTRAINT_FOREIGNKEY=787
CONSTRAINT_FUNCTION=1043 CONSTRAINT_NOTNULL=1299 CONSTRAINT_PRIMARYKEY=1555
CONSTRAINT_TRIGGER=1811 CONSTRAINT_UNIQUE=2067 CONSTRAINT_VTAB=2323 CONSTRAINT_ROWID=2579
CONSTRAINT_PINNED=2835 CONSTRAINT_DATATYPE=3091
NOTICE_RECOVER_WAL=283 NOTICE_RECOVER_ROLLBACK=539 WARNING_AUTOINDEX=284
AUTH_USER=279 OK_LOAD_PERMANENTLY=256 OK_SYMLINK=512
"""

_ERROR_NAMES = {}
for _item in _CONSTANTS.split():
    _name, _value = _item.split("=")
    globals()["SQLITE_" + _name] = int(_value)
_AUTH_ONLY = {
    "DENY", "IGNORE", "CREATE_INDEX", "CREATE_TABLE", "CREATE_TEMP_INDEX", "CREATE_TEMP_TABLE",
    "CREATE_TEMP_TRIGGER", "CREATE_TEMP_VIEW", "CREATE_TRIGGER", "CREATE_VIEW", "DELETE",
    "DROP_INDEX", "DROP_TABLE", "DROP_TEMP_INDEX", "DROP_TEMP_TABLE", "DROP_TEMP_TRIGGER",
    "DROP_TEMP_VIEW", "DROP_TRIGGER", "DROP_VIEW", "INSERT", "PRAGMA", "READ", "SELECT",
    "TRANSACTION", "UPDATE", "ATTACH", "DETACH", "ALTER_TABLE", "REINDEX", "ANALYZE",
    "CREATE_VTABLE", "DROP_VTABLE", "FUNCTION", "SAVEPOINT", "RECURSIVE",
}
for _item in _CONSTANTS.split():
    _name, _value = _item.split("=")
    if _name not in _AUTH_ONLY and not _name.startswith("LIMIT_"):
        _ERROR_NAMES.setdefault(int(_value), "SQLITE_" + _name)
del _item, _name, _value


class Warning(Exception):
    __module__ = "sqlite3"


class Error(Exception):
    __module__ = "sqlite3"


class InterfaceError(Error):
    __module__ = "sqlite3"


class DatabaseError(Error):
    __module__ = "sqlite3"


class InternalError(DatabaseError):
    __module__ = "sqlite3"


class OperationalError(DatabaseError):
    __module__ = "sqlite3"


class ProgrammingError(DatabaseError):
    __module__ = "sqlite3"


class IntegrityError(DatabaseError):
    __module__ = "sqlite3"


class DataError(DatabaseError):
    __module__ = "sqlite3"


class NotSupportedError(DatabaseError):
    __module__ = "sqlite3"


# The exception class of each primary result code (CPython's mapping).
_ERROR_CLASSES = {
    SQLITE_INTERNAL: InternalError, SQLITE_NOTFOUND: InternalError,
    SQLITE_ERROR: OperationalError, SQLITE_PERM: OperationalError, SQLITE_ABORT: OperationalError,
    SQLITE_BUSY: OperationalError, SQLITE_LOCKED: OperationalError,
    SQLITE_READONLY: OperationalError, SQLITE_INTERRUPT: OperationalError,
    SQLITE_IOERR: OperationalError, SQLITE_FULL: OperationalError,
    SQLITE_CANTOPEN: OperationalError, SQLITE_PROTOCOL: OperationalError,
    SQLITE_EMPTY: OperationalError, SQLITE_SCHEMA: OperationalError,
    SQLITE_CORRUPT: DatabaseError, SQLITE_TOOBIG: DataError,
    SQLITE_CONSTRAINT: IntegrityError, SQLITE_MISMATCH: IntegrityError,
    SQLITE_MISUSE: InterfaceError, SQLITE_RANGE: InterfaceError,
}

_callback_tracebacks = [False]


def enable_callback_tracebacks(enable, /):
    _callback_tracebacks[0] = bool(enable)


def _make_error(msg, code):
    """The exception for a failure the engine saw (also told about an
    exception raised in a callback, with code "callback")."""
    if code == "callback":
        if _callback_tracebacks[0]:
            import sys
            import traceback
            traceback.print_exception(type(msg), msg, msg.__traceback__, file=sys.stderr)
        return None
    if code is None:
        return OperationalError(msg)
    if code == "programming":
        return ProgrammingError(msg)
    if code & 0xFF == SQLITE_NOMEM:
        return MemoryError()
    exc = _ERROR_CLASSES.get(code & 0xFF, DatabaseError)(msg)
    exc.sqlite_errorcode = code
    exc.sqlite_errorname = _ERROR_NAMES.get(code, _ERROR_NAMES.get(code & 0xFF, "unknown"))
    return exc


class PrepareProtocol:
    """PEP 246 style object adaption protocol type."""
    __module__ = "sqlite3"


adapters = {}
converters = {}
_base_type_adapted = [False]
_NO_ALT = object()


def register_adapter(type, adapter, /):
    if type is int or type is float or type is str or type is bytearray:
        _base_type_adapted[0] = True
    adapters[(type, PrepareProtocol)] = adapter


def register_converter(typename, converter, /):
    if not isinstance(typename, str):
        raise TypeError("register_converter() argument 1 must be str, not %s" % _tname(typename))
    converters[typename.upper()] = converter


def adapt(obj, proto=PrepareProtocol, alt=_NO_ALT, /):
    adapter = adapters.get((type(obj), proto))
    if adapter is not None:
        return adapter(obj)
    try:
        hook = proto.__adapt__
    except AttributeError:
        pass
    else:
        try:
            adapted = hook(obj)
        except TypeError:
            adapted = None
        if adapted is not None:
            return adapted
    try:
        hook = obj.__conform__
    except AttributeError:
        pass
    else:
        try:
            adapted = hook(proto)
        except TypeError:
            adapted = None
        if adapted is not None:
            return adapted
    if alt is not _NO_ALT:
        return alt
    raise ProgrammingError("can't adapt")


def complete_statement(statement):
    if not isinstance(statement, str):
        raise TypeError("complete_statement() argument 'statement' must be str, not %s" % _tname(statement))
    return _engine.complete_statement(statement)


def enable_shared_cache(enable):
    # Shared cache is deprecated and discouraged by SQLite; accepted, unused.
    return None


def _tname(obj):
    return type(obj).__name__


_PLAIN = (int, float, str)


def _bind_value(v):
    """`v` adapted for binding, as CPython's bind_parameters does."""
    t = type(v)
    if not _base_type_adapted[0] and (t is int or t is float or t is str or t is bytearray):
        return v
    return adapt(v, PrepareProtocol, v)


def _bindable(v):
    if v is None or isinstance(v, _PLAIN):
        return True
    try:
        memoryview(v)
    except TypeError:
        return False
    return True


def _bind_list(stmt, params):
    """The values to bind to `stmt`'s parameters, from a sequence or a mapping."""
    names = stmt.params()
    needed = len(names)
    if type(params) is tuple or type(params) is list or (
        not isinstance(params, dict) and _is_sequence(params)
    ):
        n = len(params)
        if n != needed:
            raise ProgrammingError(
                "Incorrect number of bindings supplied. The current statement uses %d, and there are %d supplied."
                % (needed, n)
            )
        out = []
        for i in range(n):
            v = _bind_value(params[i])
            if not _bindable(v):
                raise ProgrammingError("Error binding parameter %d: type '%s' is not supported" % (i + 1, _tname(v)))
            out.append(v)
        return out
    if isinstance(params, dict):
        out = []
        for i, name in enumerate(names):
            if name is None:
                raise ProgrammingError(
                    "Binding %d has no name, but you supplied a dictionary (which has only names)." % (i + 1)
                )
            key = name[1:]
            try:
                v = params[key]
            except LookupError:
                raise ProgrammingError("You did not supply a value for binding parameter :%s." % key) from None
            v = _bind_value(v)
            if not _bindable(v):
                raise ProgrammingError("Error binding parameter %d: type '%s' is not supported" % (i + 1, _tname(v)))
            out.append(v)
        return out
    raise ProgrammingError("parameters are of unsupported type")


def _is_sequence(obj):
    if isinstance(obj, (str, bytes)):
        return True
    cls = type(obj)
    return hasattr(cls, "__getitem__") and hasattr(cls, "__len__") and not hasattr(cls, "keys")


def _lstrip_sql(sql):
    """Where the first token of `sql` starts after blanks and comments (-1
    when there is none), as CPython 3.11's statement parser skips them."""
    i, n = 0, len(sql)
    while i < n:
        c = sql[i]
        if c in " \t\f\n\r":
            i += 1
        elif c == "-" and sql.startswith("--", i):
            j = sql.find("\n", i + 2)
            if j < 0:
                return -1
            i = j + 1
        elif c == "/" and sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            if j < 0:
                return -1
            i = j + 2
        else:
            return i
    return -1


def _is_dml(sql):
    """The first word after blanks and comments is a DML verb."""
    i = _lstrip_sql(sql)
    if i < 0:
        return False
    return sql[i:i + 7].lower().startswith(("insert", "update", "delete", "replace"))


def _check_tail(rest):
    """Raises when more than blanks and comments follow the statement."""
    if rest and _lstrip_sql(rest) >= 0:
        raise ProgrammingError("You can only execute one statement at a time.")


_VALID_LEVELS = ("", "DEFERRED", "IMMEDIATE", "EXCLUSIVE")


def _check_level(level):
    if level is None:
        return None
    if not isinstance(level, str):
        raise TypeError("isolation_level must be str or None")
    # Compared as CPython does, without calling a subclass's methods.
    upper = str.upper(level)
    if upper not in _VALID_LEVELS or "\0" in level:
        raise ValueError("isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'")
    return upper


class Connection:
    """SQLite database connection object."""
    __module__ = "sqlite3"

    # The DB-API's optional extension: the exception classes as read-only
    # attributes of a connection (on the class they are descriptors).
    Warning = property(lambda self: Warning)
    Error = property(lambda self: Error)
    InterfaceError = property(lambda self: InterfaceError)
    DatabaseError = property(lambda self: DatabaseError)
    DataError = property(lambda self: DataError)
    OperationalError = property(lambda self: OperationalError)
    IntegrityError = property(lambda self: IntegrityError)
    InternalError = property(lambda self: InternalError)
    ProgrammingError = property(lambda self: ProgrammingError)
    NotSupportedError = property(lambda self: NotSupportedError)

    _db = None
    _initialized = False
    _sql_limit = 1_000_000_000

    def __init__(self, database, timeout=5.0, detect_types=0, isolation_level="",
                 check_same_thread=True, factory=None, cached_statements=128, uri=False):
        import os
        path = os.fsencode(database)
        level = _check_level(isolation_level)
        # Initialising again closes the old database first; a failed open
        # leaves the connection uninitialised.
        self._initialized = False
        if self._db is not None:
            old, self._db = self._db, None
            old.close()
        self._db = _engine.open(path, bool(uri), int(timeout * 1000), _make_error)
        self._sql_limit = self._db.limit(SQLITE_LIMIT_SQL_LENGTH, -1)
        self._initialized = True
        self._detect_types = int(detect_types)
        self._isolation_level = level
        self._check_same_thread = bool(check_same_thread)
        self._thread_ident = _thread.get_ident()
        self._cache = {}
        self._cache_size = int(cached_statements)
        self._blobs = []
        self.row_factory = None
        self.text_factory = str

    # -- checks, in CPython's order: initialised, same thread, open.
    def _check_thread(self):
        if not self._initialized:
            raise ProgrammingError("Base Connection.__init__ not called.")
        if self._check_same_thread:
            me = _thread.get_ident()
            if me != self._thread_ident:
                raise ProgrammingError(
                    "SQLite objects created in a thread can only be used in that same thread. "
                    "The object was created in thread id %d and this is thread id %d." % (self._thread_ident, me)
                )

    def _check(self):
        self._check_thread()
        if self._db is None:
            raise ProgrammingError("Cannot operate on a closed database.")
        return self._db

    def _check_open(self):
        if not self._initialized:
            raise ProgrammingError("Base Connection.__init__ not called.")
        if self._db is None:
            raise ProgrammingError("Cannot operate on a closed database.")
        return self._db

    def _exec(self, sql):
        stmt, _ = self._db.prepare(sql)
        if stmt is not None:
            try:
                stmt.step([])
            finally:
                stmt.finalize()

    def _statement(self, sql):
        """(stmt or None, is_dml) for `sql`. A cached statement is taken out
        of the cache while a cursor uses it, so that two cursors (two
        threads with the GIL off) never share one."""
        entry = self._cache.pop(sql, None)
        if entry is None:
            stmt, rest = self._db.prepare(sql)
            _check_tail(rest)
            entry = (stmt, _is_dml(sql))
        return entry

    def _release(self, sql, entry):
        """Puts a statement that no cursor uses any more back in the cache."""
        if entry[0] is None or self._cache_size <= 0 or self._db is None:
            return
        cache = self._cache
        if sql not in cache:
            while len(cache) >= self._cache_size:
                try:
                    del cache[next(iter(cache))]
                except (StopIteration, KeyError, RuntimeError):
                    break
            cache[sql] = entry

    def _begin(self):
        if self._isolation_level is not None and self._db.autocommit():
            self._exec("BEGIN " + self._isolation_level)

    @property
    def isolation_level(self):
        self._check_open()
        return self._isolation_level

    @isolation_level.setter
    def isolation_level(self, value):
        if value is None:
            self._isolation_level = None
            if self._db is not None and not self._db.autocommit():
                self._exec("COMMIT")
            return
        self._isolation_level = _check_level(value)

    @isolation_level.deleter
    def isolation_level(self):
        raise AttributeError("cannot delete attribute")

    @property
    def in_transaction(self):
        return not self._check_open().autocommit()

    @property
    def total_changes(self):
        return self._check_open().total_changes()

    def cursor(self, factory=_NO_ALT):
        self._check()
        if factory is _NO_ALT:
            factory = Cursor
        cur = factory(self)
        if not isinstance(cur, Cursor):
            raise TypeError("factory must return a cursor, not %s" % _tname(cur))
        self._check()
        if self.row_factory is not None:
            cur.row_factory = self.row_factory
        return cur

    def execute(self, sql, parameters=(), /):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters, /):
        return self.cursor().executemany(sql, parameters)

    def executescript(self, sql_script, /):
        return self.cursor().executescript(sql_script)

    def commit(self):
        db = self._check()
        if not db.autocommit():
            self._exec("COMMIT")

    def rollback(self):
        db = self._check()
        if not db.autocommit():
            self._exec("ROLLBACK")

    def close(self):
        self._check_thread()
        db = self._db
        if db is not None:
            for blob in self._blobs:
                blob._close()
            self._blobs = []
            self._cache.clear()
            self._db = None
            db.close()

    def interrupt(self):
        self._check_open().interrupt()

    def create_function(self, name, narg, func, *, deterministic=False):
        db = self._check()
        if not isinstance(name, str):
            raise TypeError("create_function() argument 'name' must be str, not %s" % _tname(name))
        try:
            db.create_function(str(name), int(narg), func, bool(deterministic))
        except Error:
            raise OperationalError("Error creating function") from None

    def create_aggregate(self, name, n_arg, aggregate_class):
        db = self._check()
        if not isinstance(name, str):
            raise TypeError("create_aggregate() argument 'name' must be str, not %s" % _tname(name))
        try:
            db.create_aggregate(str(name), int(n_arg), aggregate_class)
        except Error:
            raise OperationalError("Error creating aggregate") from None

    def create_window_function(self, name, num_params, aggregate_class, /):
        db = self._check()
        if not isinstance(name, str):
            raise TypeError("create_window_function() argument 1 must be str, not %s" % _tname(name))
        try:
            db.create_window_function(name, int(num_params), aggregate_class)
        except Error:
            raise ProgrammingError("Error creating window function") from None

    def create_collation(self, name, func, /):
        db = self._check()
        if not isinstance(name, str):
            raise TypeError("create_collation() argument 1 must be str, not %s" % _tname(name))
        if func is not None and not callable(func):
            raise TypeError("parameter must be callable")
        db.create_collation(str(name), func)

    def set_authorizer(self, authorizer_callback):
        self._check().set_authorizer(authorizer_callback)

    def set_progress_handler(self, progress_handler, n):
        self._check().set_progress_handler(progress_handler, int(n))

    def set_trace_callback(self, trace_callback):
        self._check().set_trace_callback(trace_callback)

    def getlimit(self, category, /):
        return self.setlimit(category, -1)

    def setlimit(self, category, limit, /):
        db = self._check()
        if not 0 <= category <= SQLITE_LIMIT_WORKER_THREADS:
            raise ProgrammingError("'category' is out of bounds")
        old = db.limit(category, limit)
        if category == SQLITE_LIMIT_SQL_LENGTH:
            self._sql_limit = db.limit(category, -1)
        return old

    def blobopen(self, table, column, row, /, *, readonly=False, name="main"):
        db = self._check()
        handle = db.blobopen(table, column, row, bool(readonly), name)
        blob = object.__new__(Blob)
        blob._connection = self
        blob._handle = handle
        blob._offset = 0
        self._blobs.append(blob)
        return blob

    def __call__(self, *args, **kwargs):
        """Compiles `sql` (CPython returns a Statement, used by nothing else)."""
        self._check()
        if kwargs:
            raise TypeError("Connection() takes no keyword arguments")
        if len(args) != 1:
            raise TypeError("Connection() takes exactly 1 argument (%d given)" % len(args))
        sql = args[0]
        if not isinstance(sql, str):
            raise TypeError("argument 1 must be str, not %s" % _tname(sql))
        self._check_sql(sql)
        stmt, rest = self._db.prepare(sql)
        _check_tail(rest)
        st = object.__new__(Statement)
        st._stmt = stmt
        return st

    def _check_sql(self, sql):
        if len(sql) > self._sql_limit // 4 and len(sql.encode()) > self._sql_limit:
            raise DataError("query string is too large")

    def iterdump(self):
        self._check()
        from sqlite3.dump import _iterdump
        return _iterdump(self)

    def backup(self, target, *, pages=-1, progress=None, name="main", sleep=0.250):
        db = self._check()
        if not isinstance(target, Connection):
            raise TypeError("backup() argument 'target' must be sqlite3.Connection, not %s" % _tname(target))
        target_db = target._check_open()
        if target is self:
            raise ValueError("target cannot be the same connection instance")
        if progress is not None and not callable(progress):
            raise TypeError("progress argument must be a callable")
        if not isinstance(name, str):
            raise TypeError("backup() argument 'name' must be str, not %s" % _tname(name))
        if pages == 0:
            pages = -1
        db.backup_run(target_db, name, int(pages), int(sleep * 1000), progress)

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, exc_type, exc_value, traceback, /):
        if exc_type is None and exc_value is None and traceback is None:
            try:
                self.commit()
            except BaseException:
                self.rollback()
                raise
        else:
            self.rollback()
        return False


def connect(*args, **kwargs):
    """connect(database, timeout=5.0, detect_types=0, isolation_level='',
    check_same_thread=True, factory=Connection, cached_statements=128,
    uri=False): opens a connection to the SQLite database file database.
    The arguments go to the factory as they were given."""
    if len(args) > 8:
        raise TypeError("connect() takes at most 8 arguments (%d given)" % len(args))
    factory = kwargs.get("factory", args[5] if len(args) > 5 else Connection)
    if factory is None:
        factory = Connection
    return factory(*args, **kwargs)


class Statement:
    """A compiled statement (what calling a connection returns)."""
    __module__ = "sqlite3"

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'sqlite3.Statement' instances")


class Cursor:
    """SQLite database cursor class."""
    __module__ = "sqlite3"

    _connection = None

    def __init__(self, connection, /):
        if getattr(self, "_locked", False):
            raise ProgrammingError("Recursive use of cursors not allowed.")
        if not isinstance(connection, Connection):
            raise TypeError("Cursor() argument 1 must be sqlite3.Connection, not %s" % _tname(connection))
        self._connection = connection
        self.arraysize = 1
        self.row_factory = None
        self._rowcount = -1
        self._lastrowid = None
        self._description = None
        self._stmt = None
        self._is_dml = False
        self._row = None
        self._casts = None
        self._closed = False
        self._locked = False

    def __del__(self):
        # As CPython's cursor dealloc: a pending statement is reset, so that
        # the tables it reads are not left locked.
        if getattr(self, "_stmt", None) is not None:
            self._drop_stmt()

    def _drop_stmt(self):
        """Resets the current statement and gives it back to the cache."""
        stmt = self._stmt
        if stmt is not None:
            self._stmt = None
            stmt.reset()
            self._connection._release(self._sql, (stmt, self._is_dml))

    def _check(self):
        if self._connection is None:
            raise ProgrammingError("Base Cursor.__init__ not called.")
        if self._closed:
            raise ProgrammingError("Cannot operate on a closed cursor.")
        if self._locked:
            raise ProgrammingError("Recursive use of cursors not allowed.")
        return self._connection._check()

    @property
    def connection(self):
        return self._connection

    def _readonly(self, value):
        raise AttributeError("readonly attribute")

    rowcount = property(lambda self: self._rowcount, _readonly)
    lastrowid = property(lambda self: self._lastrowid, _readonly)
    description = property(lambda self: self._description, _readonly)

    def _column_name(self, name):
        if not self._connection._detect_types & PARSE_COLNAMES:
            return name
        i = name.find("[")
        if i < 0:
            return name
        if i > 0 and name[i - 1] == " ":
            i -= 1
        return name[:i]

    def _cast_map(self, stmt):
        """The converter of each column (PARSE_COLNAMES, then PARSE_DECLTYPES)."""
        detect = self._connection._detect_types
        if not detect or stmt is None:
            return None
        casts = []
        for name, decl in zip(stmt.columns(), stmt.decltypes()):
            conv = None
            if detect & PARSE_COLNAMES:
                start = name.find("[")
                if start >= 0:
                    end = name.find("]", start + 1)
                    if end >= 0:
                        conv = converters.get(name[start + 1:end].upper())
            if conv is None and detect & PARSE_DECLTYPES and decl:
                key = decl
                for j, ch in enumerate(decl):
                    if ch == " " or ch == "(":
                        key = decl[:j]
                        break
                conv = converters.get(key.upper())
            casts.append(conv)
        if all(c is None for c in casts):
            return None
        return casts

    def _step(self, values):
        conn = self._connection
        raw = None if self._casts is None else tuple(c is not None for c in self._casts)
        return self._stmt.step(values, conn.text_factory, raw)

    def _execute(self, sql, many, param_sets):
        conn = self._check()
        connection = self._connection
        self._locked = True
        try:
            self._drop_stmt()
            self._row = None
            self._description = None
            if "\0" in sql:
                raise ProgrammingError("the query contains a null character")
            connection._check_sql(sql)
            stmt, is_dml = connection._statement(sql)
            if many and not is_dml:
                raise ProgrammingError("executemany() can only execute DML statements.")
            self._rowcount = 0 if is_dml else -1
            self._is_dml = is_dml
            if is_dml:
                connection._begin()
            if stmt is not None:
                self._stmt = stmt
                self._sql = sql
                self._casts = self._cast_map(stmt)
            for params in param_sets:
                if stmt is None:
                    continue
                values = _bind_list(stmt, params)
                row = self._step(values)
                if self._description is None:
                    cols = stmt.columns()
                    if cols:
                        self._description = tuple(
                            (self._column_name(c), None, None, None, None, None, None) for c in cols
                        )
                if row is None:
                    if is_dml:
                        self._rowcount += conn.changes()
                    stmt.reset()
                self._row = row
            if not many:
                self._lastrowid = conn.last_rowid()
            if self._row is None:
                self._drop_stmt()
        except BaseException:
            self._drop_stmt()
            self._row = None
            self._rowcount = -1
            raise
        finally:
            self._locked = False
        return self

    def execute(self, sql, parameters=(), /):
        if not isinstance(sql, str):
            raise TypeError("execute() argument 1 must be str, not %s" % _tname(sql))
        return self._execute(sql, False, (parameters,))

    def executemany(self, sql, seq_of_parameters, /):
        if not isinstance(sql, str):
            raise TypeError("executemany() argument 1 must be str, not %s" % _tname(sql))
        return self._execute(sql, True, iter(seq_of_parameters))

    def executescript(self, sql_script, /):
        if not isinstance(sql_script, str):
            raise TypeError("executescript() argument must be str, not %s" % _tname(sql_script))
        if "\0" in sql_script:
            raise ValueError("embedded null character")
        conn = self._check()
        self._connection._check_sql(sql_script)
        self._locked = True
        try:
            if not conn.autocommit():
                self._connection._exec("COMMIT")
            rest = sql_script
            while True:
                stmt, rest = conn.prepare(rest)
                if stmt is not None:
                    try:
                        while stmt.step(None) is not None:
                            pass
                    finally:
                        stmt.finalize()
                if not rest:
                    break
        finally:
            self._locked = False
        return self

    def _fetch(self):
        """(True, row) for the next row, row factory applied; (False, None)
        at the end."""
        self._check()
        if self._row is None:
            return False, None
        row = self._row
        if type(row) is str:
            raise OperationalError(row)
        if self._casts is not None:
            self._locked = True
            try:
                row = tuple(v if c is None or v is None else c(v) for v, c in zip(row, self._casts))
            finally:
                self._locked = False
        try:
            nxt = self._step(None)
        except BaseException:
            self._drop_stmt()
            self._row = None
            raise
        self._row = nxt
        if nxt is None and self._stmt is not None:
            if self._is_dml:
                self._rowcount = self._connection._db.changes()
            self._drop_stmt()
        if self.row_factory is not None:
            row = self.row_factory(self, row)
        return True, row

    def __iter__(self):
        return self

    def __next__(self):
        ok, row = self._fetch()
        if not ok:
            raise StopIteration
        return row

    def fetchone(self):
        return self._fetch()[1]

    def fetchmany(self, size=None):
        if size is None:
            size = self.arraysize
        rows = []
        while len(rows) < size:
            ok, row = self._fetch()
            if not ok:
                break
            rows.append(row)
        return rows

    def fetchall(self):
        rows = []
        while True:
            ok, row = self._fetch()
            if not ok:
                return rows
            rows.append(row)

    def close(self):
        if self._connection is None:
            raise ProgrammingError("Base Cursor.__init__ not called.")
        if self._locked:
            raise ProgrammingError("Recursive use of cursors not allowed.")
        self._connection._check()
        self._drop_stmt()
        self._row = None
        self._closed = True

    def setinputsizes(self, sizes, /):
        pass

    def setoutputsize(self, size, column=None, /):
        pass


_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}


class Row:
    """A row of a query, indexed by position and by column name."""
    __module__ = "sqlite3"

    def __new__(cls, cursor, data, /):
        if not isinstance(cursor, Cursor):
            raise TypeError("Row() argument 1 must be sqlite3.Cursor, not %s" % _tname(cursor))
        if not isinstance(data, tuple):
            raise TypeError("Row() argument 2 must be tuple, not %s" % _tname(data))
        self = object.__new__(cls)
        self._description = cursor.description
        self._data = data
        return self

    def __len__(self):
        return len(self._data)

    def __getitem__(self, key):
        if isinstance(key, str):
            # Case-insensitive for ASCII letters only, as CPython.
            want = key.translate(_ASCII_LOWER)
            for i, d in enumerate(self._description or ()):
                if d[0].translate(_ASCII_LOWER) == want:
                    return self._data[i]
            raise IndexError("No item with that key")
        if isinstance(key, (int, slice)):
            return self._data[key]
        raise IndexError("Index must be int or string")

    def keys(self):
        return [d[0] for d in (self._description or ())]

    def __iter__(self):
        return iter(self._data)

    def __eq__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return self._description == other._description and self._data == other._data

    def __ne__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return not self == other

    def __lt__(self, other):
        return NotImplemented

    __le__ = __gt__ = __ge__ = __lt__

    def __hash__(self):
        return hash(self._description) ^ hash(self._data)


_INT_MAX = 2 ** 31 - 1
_MAXSIZE = 2 ** 63 - 1


class Blob:
    """An open BLOB: file-like reads and writes, and indexing by byte."""
    __module__ = "sqlite3"

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'sqlite3.Blob' instances")

    def _check(self):
        self._connection._check()
        if self._handle is None:
            raise ProgrammingError("Cannot operate on a closed blob.")
        return self._handle

    def close(self):
        self._connection._check()
        self._close()

    def _close(self):
        h, self._handle = self._handle, None
        if h is not None:
            h.close()

    def __len__(self):
        return self._check().size()

    def read(self, length=-1, /):
        h = self._check()
        size = h.size()
        if length < 0 or length > size - self._offset:
            length = size - self._offset
        if length <= 0:
            return b""
        data = h.read(self._offset, length)
        self._offset += length
        return data

    def write(self, data, /):
        h = self._check()
        data = bytes(memoryview(data))
        if len(data) > h.size() - self._offset:
            raise ValueError("data longer than blob length")
        h.write(self._offset, data)
        self._offset += len(data)

    def tell(self):
        self._check()
        return self._offset

    def seek(self, offset, origin=0, /):
        h = self._check()
        if origin == 0:
            base = 0
        elif origin == 1:
            base = self._offset
        elif origin == 2:
            base = h.size()
        else:
            raise ValueError("'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END")
        if offset > _INT_MAX - base:
            raise OverflowError("seek offset results in overflow")
        pos = base + offset
        if pos < 0 or pos > h.size():
            raise ValueError("offset out of blob range")
        self._offset = pos

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self._check()
        self._close()
        return False

    def __contains__(self, item):
        raise TypeError("argument of type 'sqlite3.Blob' is not iterable")

    def _index(self, key, size):
        try:
            i = key.__index__()
        except AttributeError:
            raise TypeError("Blob indices must be integers") from None
        if not -_MAXSIZE - 1 <= i <= _MAXSIZE:
            raise IndexError("cannot fit 'int' into an index-sized integer")
        if i < 0:
            i += size
        if not 0 <= i < size:
            raise IndexError("Blob index out of range")
        return i

    def __getitem__(self, key):
        h = self._check()
        size = h.size()
        if isinstance(key, slice):
            start, stop, step = key.indices(size)
            if step == 1:
                return h.read(start, stop - start) if stop > start else b""
            whole = h.read(0, size)
            return whole[start:stop:step]
        return h.read(self._index(key, size), 1)[0]

    def __setitem__(self, key, value):
        h = self._check()
        size = h.size()
        if isinstance(key, slice):
            start, stop, step = key.indices(size)
            view = memoryview(value)
            if not getattr(view, "c_contiguous", True):
                raise BufferError("underlying buffer is not C-contiguous")
            data = bytes(view)
            count = len(range(start, stop, step))
            if len(data) != count:
                raise IndexError("Blob slice assignment is wrong size")
            if count == 0:
                return
            if step == 1:
                h.write(start, data)
                return
            whole = bytearray(h.read(0, size))
            whole[start:stop:step] = data
            h.write(0, bytes(whole))
            return
        i = self._index(key, size)
        try:
            byte = value.__index__()
        except AttributeError:
            raise TypeError("'%s' object cannot be interpreted as an integer" % _tname(value)) from None
        if not 0 <= byte < 256:
            raise ValueError("byte must be in range(0, 256)")
        h.write(i, bytes((byte,)))

    def __delitem__(self, key):
        raise TypeError("Blob doesn't support item deletion")

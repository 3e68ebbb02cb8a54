"""multiprocessing.pool for gilt: the Pool class and its result and error
types, from _mp_pool (multiprocessing.Pool() is the usual way in)."""

from _mp_pool import Pool, AsyncResult, ApplyResult, MapResult, MaybeEncodingError

__all__ = ['Pool']

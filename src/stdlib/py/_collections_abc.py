"""`_collections_abc`, the name CPython's own modules import the container
ABCs under: the same module object as gilt's `collections.abc`, so there is
one `Mapping` class whichever name a module uses."""

import sys
import collections_abc

sys.modules[__name__] = collections_abc

import os
seen = (__spec__.name, type(__spec__).__name__, __spec__.origin == __file__, os.path.isabs(__file__),
        type(__loader__).__name__, __spec__.loader is __loader__)

import os.path
import os
print(os.path.join("a", "b", "c.txt"), os.path.join("/root", "x"), os.path.join("a", "/abs", "b"))
print(os.path.basename("/usr/lib/file.tar.gz"), os.path.dirname("/usr/lib/file.tar.gz"), os.path.basename("dir/"))
print(os.path.dirname("file.txt") == "", os.path.abspath(".") == os.getcwd(), os.path.isabs(os.path.abspath("x")))
print(os.path.abspath("sub/../x.txt") == os.path.join(os.getcwd(), "x.txt"))
print(os.path.splitext("archive.tar.gz"), os.path.split("/a/b/c"), os.path.isfile("os_path.py"), os.path.isdir("."))

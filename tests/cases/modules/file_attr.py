import os
print(os.path.basename(__file__), __file__.endswith("file_attr.py"))
print(os.path.basename(os.path.dirname(os.path.abspath(__file__))))
import helper_mod
print(os.path.basename(helper_mod.__file__), helper_mod.__name__)

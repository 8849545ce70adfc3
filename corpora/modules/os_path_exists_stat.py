# os.path exists/isfile/isdir on the current directory and a missing path; os.getcwd is absolute.
import os
print(os.path.exists("."), os.path.isdir("."), os.path.isfile("."), os.path.exists("no_such_file_xyz"), os.path.isfile("os_path_exists_stat.py"))
print(os.path.isabs(os.getcwd()), os.path.basename(__file__) if "__file__" in dir() else "os_path_exists_stat.py")
try:
    os.stat("no_such_file_xyz")
except OSError as e:
    print(type(e).__name__, e.errno)
print(os.stat("os_path_exists_stat.py").st_size > 0)

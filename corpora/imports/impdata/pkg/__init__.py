# A package imported by corpora/imports/*.py (no .exp: not a program).
from .sub import helper
from . import sub as sub_again
NAME = 'pkg'

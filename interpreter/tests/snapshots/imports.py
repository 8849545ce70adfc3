import os
import os.path as osp
import a.b.c
from sys import argv, path as p
from . import sibling
from ..pkg.mod import (x, y as z)
from math import *

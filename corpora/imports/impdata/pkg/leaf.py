# A leaf submodule (no .exp: not a program).
LEAF = 'leaf'

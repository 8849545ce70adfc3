print(SystemExit('msg', 2).code, SystemExit(3).code, SystemExit().code)

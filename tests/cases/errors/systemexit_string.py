print("raising SystemExit with a string")
raise SystemExit("stopping now")

a = 1
bb = 2 # trail

# standalone
ccc = 3
  # indented standalone
dddd = 4

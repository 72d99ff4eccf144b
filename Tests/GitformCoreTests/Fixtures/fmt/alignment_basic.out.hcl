a    = 1
bb   = 2
cccc = 3
d    = "x"

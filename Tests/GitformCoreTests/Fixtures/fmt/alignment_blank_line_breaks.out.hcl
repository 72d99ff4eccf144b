a      = 1
bbbbbb = 2

c  = 3
dd = 4


eeeeeee = 5

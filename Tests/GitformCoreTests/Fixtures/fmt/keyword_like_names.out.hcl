in  = 1
for = 2
if  = 3
x   = [for in in ["a"] : in]

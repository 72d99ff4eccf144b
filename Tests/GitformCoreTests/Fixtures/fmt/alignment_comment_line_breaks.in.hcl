name = "x"
# a comment line
longer_name = "y"
z = 1
// slash comment line
zzzzz = 2
/* block comment line */
q = 3

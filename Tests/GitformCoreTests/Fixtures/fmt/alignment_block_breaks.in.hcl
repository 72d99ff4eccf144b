alpha = 1
b = 2
block {
  x = 1
  yyyy = 2
}
c = 3
dddddd = 4

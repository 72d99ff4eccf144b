a   = 1
bbb = 2
block {
  c = 3
  # comment
  dd = 4 # trail
}

block "a" {   # opening comment
  x  = 1      # one
  yy = [1, 2] # two
  z = {       # multi starts
    a = 1     # inner
  }           # closes
  w = 3
}

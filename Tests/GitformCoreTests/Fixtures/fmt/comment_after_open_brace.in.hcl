block { # c
  a = 1
}
list = [ # c2
  1, # one
  22, # two
  333 # three
]

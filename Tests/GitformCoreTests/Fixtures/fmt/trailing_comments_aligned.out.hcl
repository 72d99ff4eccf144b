y   = "a"   # c1
zz  = "bbb" # c2
www = 1     // c3

k             = true  # alone
long_key_name = false # other

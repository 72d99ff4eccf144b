int   = 42
float = 1.5
exp   = 1e10
exp2  = 1.5E-3
t     = true
f     = false
n     = null
neg   = -3.14

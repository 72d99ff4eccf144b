a = [for x in [1, 2]: x]
b = [for x in[1]: x]
c = { for k in keys(m): k => m[k] }
d = [for x in y.z: x]

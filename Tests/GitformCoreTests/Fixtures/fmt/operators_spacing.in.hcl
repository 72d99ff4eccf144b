sum = a+b
diff = a-b
mul = a*b
div = a/b
mod = a%b
eq = a==b
ne = a!=b
lt = a<b
le = a<=b
gt = a>b
ge = a>=b
and = a&&b
or = a||b
not = !a
not2 = ! a
mixed = (a+b)*c-d/e
cmp = x>=1&&y<2||!z

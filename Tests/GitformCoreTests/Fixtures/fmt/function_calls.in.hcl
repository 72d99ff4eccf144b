a = f()
b = f (1)
c = join( ",", ["a","b"] )
d = merge(local.a,local.b,{c=1})
e = concat(a, b...)
f = upper( lower ( "X" ) )
g = format("%s-%d",  var.name,  1)
h = f(
  1,
  2,
)
i = f(1,
  2)

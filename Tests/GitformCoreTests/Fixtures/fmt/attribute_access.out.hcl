a = var.x
b = local.a.b.c
c = module.m.out["key"]
d = data.project.p.id
e = a.b[0].c["d"].e
f = a.0.b

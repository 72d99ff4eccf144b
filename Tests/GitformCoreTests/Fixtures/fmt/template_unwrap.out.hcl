a = var.x
b = var.x
c = "${var.x}${var.y}"
d = "${var.x} "
e = f("${var.y}")
f = var.z
g = var.cond ? 1 : 2
h = { a = 1 }

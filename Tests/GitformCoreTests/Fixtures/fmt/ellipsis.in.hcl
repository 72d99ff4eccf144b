a = f(list ...)
b = { for k, v in m : k => v ... }
c = min(var.nums...)

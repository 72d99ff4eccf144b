a = [for x in var.list : x]
b = [for x in var.list : upper(x) if x != ""]
c = { for k, v in var.map : k => v }
d = { for k, v in var.map : v => k... }
e = [for i, x in [1, 2, 3] : i + x]
f = [for x in ["a"] : x]
g = [
  for x in var.list :
  x
  if x != null
]
h = {
  for k, v in var.map :
  k => v
}

value = (
  a +
  b
)
cond = (
  var.x
  ? 1
  : 2
)
call = max(
  1,
  (2 +
  3),
)

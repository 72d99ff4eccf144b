list = [
  -1,
  -2,
  !true,
  !false,
]
v = (
  -1
)

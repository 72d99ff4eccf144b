list = [
"a",
      "b",
  "c"
]
nested = [
[1, 2],
  [
3,
4,
],
]
empty = [ ]
single = [    1    ]

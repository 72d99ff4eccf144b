a = "x${
  foo
}y"
b = [
  "${
    bar
  }",
]
c = x ? 1 : 2

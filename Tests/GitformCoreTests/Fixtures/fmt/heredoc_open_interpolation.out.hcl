block {
  a = 1
  long_attribute_name = <<-X
  ${
  [1,
  2]
}
  X
bb = x
}

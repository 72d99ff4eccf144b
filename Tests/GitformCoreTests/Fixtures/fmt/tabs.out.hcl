block {
  a   = 1
  bbb = 2
  nested {
    x = "	tab in string"
  }
}

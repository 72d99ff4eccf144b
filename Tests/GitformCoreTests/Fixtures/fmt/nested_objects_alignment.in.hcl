settings = {
  short = 1
  much_longer_key = {
    inner = true
    x = "y"
  }
  k = [
    { name = "a", value = 1 },
    { name = "bbb", value = 22 },
  ]
  last_key = null # end
}

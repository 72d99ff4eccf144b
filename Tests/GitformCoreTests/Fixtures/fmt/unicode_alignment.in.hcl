a = "é"
é = 1
bb = "日本語" # wide
ccc = "x" # comment
日本 = 2

list = [
  1, /* one */
  # full line comment
  2,
  /* multi
     line */
  3,
]

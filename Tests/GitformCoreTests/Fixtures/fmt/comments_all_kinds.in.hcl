# hash comment
// slash comment
/* block comment */
/*
   multi-line
      block comment
*/
block {
# indented hash
      // indented slash
  /* indented block */
    /*
  multi
    */
  a = 1 /* after value */
  b = 2 # after value
  c = /* before value */ 3
}

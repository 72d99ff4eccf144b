a {
 	b = 1
	 	cc = 2
  	 d {
	e = 3
		}
}

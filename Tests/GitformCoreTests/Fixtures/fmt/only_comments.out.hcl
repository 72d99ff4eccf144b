# first
// second

/* third */

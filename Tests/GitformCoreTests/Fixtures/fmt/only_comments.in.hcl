   # first
      // second

/* third */

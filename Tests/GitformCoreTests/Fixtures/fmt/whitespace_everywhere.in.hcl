   resource   "a"    "b"   {
        attr    =     "v"
   list   =   [   1  ,  2  ,  3   ]
      obj   =   {   k   =   "v"   }
   call   =   f   (   1   ,   2   )
        }

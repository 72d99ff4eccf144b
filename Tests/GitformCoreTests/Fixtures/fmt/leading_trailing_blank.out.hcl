

# only comment


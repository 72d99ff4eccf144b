obj = {
a = 1
bbb = 2
"quoted key" = 3
(local.k) = 4
c: 5
ddddd : 6
}
inline = {a=1,b=2}
colon = {a:1, b:2}
empty = {}
empty_spaces = {   }

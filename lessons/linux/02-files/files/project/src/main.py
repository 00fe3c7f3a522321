from util import greet

print(greet("camp"))

Route #1: 3 2 1
Cost 24

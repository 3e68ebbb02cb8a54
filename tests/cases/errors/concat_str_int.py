label = "count: " + 3

value = "10" - 3

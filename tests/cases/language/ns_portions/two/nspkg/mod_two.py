WHERE = "two"

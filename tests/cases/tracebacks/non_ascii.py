# Non-ASCII text before the failing expression: markers count characters.
prices = {"café": 3}
label = "prix: é—ü"; print(label, prices["thé"])
